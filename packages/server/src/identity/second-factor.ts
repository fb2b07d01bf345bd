import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = 'Senningen';
/** One period either side, for clocks that drift. */
const TOLERANCE_SECONDS = 30;

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export async function startEnrolment(label: string): Promise<Enrolment> {
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer: ISSUER, label, secret });
  const qrSvg = await QRCode.toString(otpauthUri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { secret, otpauthUri, qrSvg };
}

/**
 * Checks an RFC 6238 code. A code whose time step is not later than the last one
 * accepted is refused, so that a code observed once cannot be replayed.
 * Returns the time step to remember, or undefined when the code is wrong.
 */
export async function checkCode(
  secret: string,
  code: string,
  lastTimeStep: number | null,
): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}
