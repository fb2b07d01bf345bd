import { useId, type ReactNode, type Ref } from 'react';

/**
 * A table with its caption, in a region that scrolls sideways on narrow screens. The region
 * is focusable and named by the caption, so keyboard users can scroll it too.
 */
export function DataTable({
  caption,
  className,
  regionRef,
  children,
}: {
  caption: ReactNode;
  className?: string;
  regionRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0} ref={regionRef}>
      <table className={className}>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
