// Small pieces the shipping settings forms share.

export function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <span role="alert" className="mt-1 block text-sm text-red-700">
      {message}
    </span>
  );
}
