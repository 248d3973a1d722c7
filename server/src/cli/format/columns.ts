/** Terminal columns: a Japanese character takes two, so labels are padded by width, not by length. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function padColumns(text: string, columns: number): string {
  const width = [...text].reduce((sum, char) => sum + (WIDE.test(char) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, columns - width));
}
