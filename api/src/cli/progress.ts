/** Progress for long CLI steps: a counting line on a terminal, a line every few seconds in logs. */
export function progress(label: string, total?: number) {
  const tty = process.stderr.isTTY;
  let last = 0;
  const render = (done: number) => {
    const pct = total ? ` (${Math.floor((done / total) * 100)}%)` : '';
    return `${label}: ${done.toLocaleString('nl-NL')}${total ? ` van ${total.toLocaleString('nl-NL')}` : ''}${pct}`;
  };
  return {
    update(done: number) {
      const now = Date.now();
      if (now - last < (tty ? 100 : 5000)) return;
      last = now;
      process.stderr.write(tty ? `\r${render(done)}` : `${render(done)}\n`);
    },
    done(done: number) {
      process.stderr.write(tty ? `\r${render(done)}\n` : `${render(done)}\n`);
    },
  };
}
