import { useTranslation } from 'react-i18next';
import { useFormat } from './format.js';

/** Previous / next through a list shown a page at a time, with where the page lies. */
export function Pager({
  label,
  offset,
  pageSize,
  total,
  onPage,
}: {
  /** What the buttons page through, for assistive technology. */
  label: string;
  offset: number;
  pageSize: number;
  total: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (total <= pageSize) return null;
  return (
    <div className="pager" role="group" aria-label={label}>
      <button
        type="button"
        className="secondary"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - pageSize))}
      >
        {t('common.pager.previous')}
      </button>
      <span>
        {t('common.pager.range', {
          from: format.number(offset + 1),
          to: format.number(Math.min(offset + pageSize, total)),
          total: format.number(total),
        })}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={offset + pageSize >= total}
        onClick={() => onPage(offset + pageSize)}
      >
        {t('common.pager.next')}
      </button>
    </div>
  );
}
