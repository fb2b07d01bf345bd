import { useTranslation } from 'react-i18next';
import type { PermissionState, RecipientState } from '../api/records.js';

/** The states of a record that matter when choosing or reading it, as badges. */
export function RecordStateBadges({
  inContext = false,
  restricted,
  erased,
  inaccurate = false,
  rectified = false,
}: {
  inContext?: boolean;
  restricted: boolean;
  erased: boolean;
  inaccurate?: boolean;
  rectified?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {inContext && (
        <span className="badge state-sent" data-testid="badge-in-context">
          {t('records.badges.inContext')}
        </span>
      )}{' '}
      {restricted && (
        <span className="badge state-delayed" data-testid="badge-restricted">
          {t('records.badges.restricted')}
        </span>
      )}{' '}
      {inaccurate && (
        <span className="badge state-delayed" data-testid="badge-inaccurate">
          {t('records.badges.inaccurate')}
        </span>
      )}{' '}
      {rectified && (
        <span className="badge state-answered" data-testid="badge-rectified">
          {t('records.badges.rectified')}
        </span>
      )}{' '}
      {erased && (
        <span className="badge state-refused" data-testid="badge-erased">
          {t('records.badges.erased')}
        </span>
      )}
    </>
  );
}

const RECIPIENT_CLASS: Record<RecipientState, string> = {
  confirmed: 'state-answered',
  waiting: 'state-sent',
  overdue: 'state-refused',
};

/** Whether a recipient of a notice confirmed it, is still to, or is late. */
export function RecipientBadge({ state }: { state: RecipientState }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge ${RECIPIENT_CLASS[state]}`}
      data-testid="recipient-state"
      data-state={state}
    >
      {t(`records.recipientStates.${state}`)}
    </span>
  );
}

const PERMISSION_CLASS: Record<PermissionState, string> = {
  pending: 'state-delayed',
  granted: 'state-answered',
  refused: 'state-refused',
};

export function PermissionBadge({ state }: { state: PermissionState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${PERMISSION_CLASS[state]}`} data-state={state}>
      {t(`records.permissionStates.${state}`)}
    </span>
  );
}
