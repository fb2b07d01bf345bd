import { useTranslation } from 'react-i18next';
import {
  HANDLING_CODES,
  INFORMATION_ACCURACY,
  SOURCE_RELIABILITY,
  type HandlingCode,
  type InformationAccuracy,
  type RequestState,
  type SourceReliability,
  type UrgencyGround,
} from '../api/exchange.js';

/** A request's state, in words, with a colour by how far it got. */
export function StateBadge({
  state,
  current = true,
}: {
  state: RequestState;
  /** The request's state now (not one in its history): what browser tests look for. */
  current?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge badge-state state-${state}`}
      data-testid={current ? 'request-state' : undefined}
      data-state={state}
    >
      {t(`exchange.states.${state}`)}
    </span>
  );
}

/** "Urgent", with the ground of art. 4(4) when known. */
export function UrgentBadge({ ground }: { ground?: UrgencyGround | undefined }) {
  const { t } = useTranslation();
  return (
    <span className="badge badge-urgent" data-testid="urgent">
      {t('exchange.urgent')}
      {ground && <span className="badge-detail">: {t(`exchange.urgencyGrounds.${ground}`)}</span>}
    </span>
  );
}

/**
 * The handling code and evaluation of an item supplied, as "H2 · B2". Its meaning is in the
 * tooltip and, for screen readers, in words after it.
 */
export function EvaluationBadge({
  handlingCode,
  sourceReliability,
  informationAccuracy,
}: {
  handlingCode: HandlingCode;
  sourceReliability: SourceReliability;
  informationAccuracy: InformationAccuracy;
}) {
  const { t } = useTranslation();
  const meaning = [
    `${handlingCode}: ${t(`exchange.handlingCodes.${handlingCode}`)}`,
    `${sourceReliability}: ${t(`exchange.reliability.${sourceReliability}`)}`,
    `${informationAccuracy}: ${t(`exchange.accuracy.${informationAccuracy}`)}`,
  ].join(' — ');
  return (
    <span className="badge badge-code" title={meaning} data-testid="evaluation">
      <span aria-hidden="true">
        {handlingCode} · {sourceReliability}
        {informationAccuracy}
      </span>
      <span className="visually-hidden">
        {t('exchange.evaluation.spoken', {
          code: handlingCode,
          reliability: sourceReliability,
          accuracy: informationAccuracy,
        })}{' '}
        ({meaning})
      </span>
    </span>
  );
}

/** What the handling codes, source reliability and accuracy mean, in a disclosure. */
export function EvaluationLegend() {
  const { t } = useTranslation();
  return (
    <details className="legend">
      <summary>{t('exchange.evaluation.legend')}</summary>
      <div>
        <p className="legend-heading">{t('exchange.evaluation.handlingCode')}</p>
        <dl className="codes">
          {HANDLING_CODES.map((code) => (
            <div key={code}>
              <dt>{code}</dt>
              <dd>{t(`exchange.handlingCodes.${code}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="legend-heading">{t('exchange.evaluation.sourceReliability')}</p>
        <dl className="codes">
          {SOURCE_RELIABILITY.map((code) => (
            <div key={code}>
              <dt>{code}</dt>
              <dd>{t(`exchange.reliability.${code}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="legend-heading">{t('exchange.evaluation.informationAccuracy')}</p>
        <dl className="codes">
          {INFORMATION_ACCURACY.map((code) => (
            <div key={code}>
              <dt>{code}</dt>
              <dd>{t(`exchange.accuracy.${code}`)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
