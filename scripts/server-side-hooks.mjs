// Resolve hook for scripts/server-side.mjs: `server-only` → the package's own empty module (its react-server build).
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  return nextResolve(specifier, context);
}
