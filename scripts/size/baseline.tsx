// Size baseline for `npm run size`: the smallest honest Preact + hooks widget, built
// with the same config as the shipped bundle, so the ratio shows what our own code
// adds on top of the framework.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

function Ticker() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setCount((c) => c + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      {count}
    </button>
  );
}

export default function mountBaseline(host: Element): () => void {
  const root = document.createElement('div');
  host.appendChild(root);
  render(<Ticker />, root);
  return () => {
    render(null, root);
    root.remove();
  };
}
