// Loaded with `node --import tsx --import ./scripts/server-side.mjs`: the project's scripts run the server's
// modules directly under Node. Those modules are marked `import "server-only"`, which throws everywhere but in
// React's server environment — where Next's build also refuses them inside a client component. Under Node
// the marker means nothing more than "this is the server", so it resolves to an empty module here.
import { register } from "node:module";

register("./server-side-hooks.mjs", import.meta.url);
