/** Control characters from a file name, title or message would drive the terminal (or forge a line): shown as escapes instead. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
