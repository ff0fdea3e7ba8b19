// The test apps are plain ESM (no build step on the server side): their shape for the specs.
declare module '*/react-app.mjs' {
  export const PHONE: string;
  export function App(): import('react').ReactNode;
}
declare module '*/vue-app.mjs' {
  export const PHONE: string;
  export const App: import('vue').Component;
}
declare module '*/react-helper-app.mjs' {
  export const PHONE: string;
  export function App(): import('react').ReactNode;
}
declare module '*/vue-helper-app.mjs' {
  export const PHONE: string;
  export const App: import('vue').Component;
}
declare module '*/preact-app.mjs' {
  export function App(): any;
}
declare module '*/react-split-app.mjs' {
  export function App(): import('react').ReactNode;
}
