'use client';
// The rendered size of an element, kept current with a ResizeObserver (layout that depends on the
// space actually available, such as the tile grid).
import { useEffect, useState, type RefObject } from 'react';

export function useElementSize(ref: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // The observer's first report repeats the first measurement: the same size renders nothing.
    const measure = () => {
      const [width, height] = [element.clientWidth, element.clientHeight];
      setSize((size) => (size.width === width && size.height === height ? size : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
