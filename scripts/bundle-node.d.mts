export declare const ESBUILD: string;
export declare const NODE_BUNDLE_ARGS: readonly string[];
