/** Every use in `code` of a syntax or an API newer than Safari 13.1, Firefox 74 and Chrome 80. */
export function compat(code: string, module?: boolean): string[];
