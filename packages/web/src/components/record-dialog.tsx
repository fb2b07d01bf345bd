import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog (the browser's own <dialog>, which keeps the focus inside and closes with
 * Escape), named by its heading. When it closes, the focus goes back to what opened it.
 */
export function RecordDialog({
  open,
  title,
  onClose,
  children,
  testId,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const closed = () => {
      onClose();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) {
        opener.current.focus();
      }
    };
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, [onClose]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={heading}
      className="record-dialog"
      // The browser centres a modal dialog; this keeps its lines short enough to read.
      style={{ maxWidth: '40rem', padding: '1rem 1.25rem' }}
      data-testid={testId}
    >
      <h2 id={heading}>{title}</h2>
      {open && children}
    </dialog>
  );
}
