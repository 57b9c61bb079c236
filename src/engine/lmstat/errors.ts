// What a FlexNet error code means for the person looking after a BMS site, and what to do next.

export interface FlexNetErrorExplanation {
  code: string;
  /** One line: what happened. */
  title: string;
  /** What to do next, in the site engineer's words. */
  action: string;
}

const KNOWN: Record<string, Omit<FlexNetErrorExplanation, 'code'>> = {
  '-4': {
    title: 'Licensed number of users already reached: no free seat.',
    action: 'Close a client that holds this license, or activate more seats of this feature on the License Server.',
  },
  '-5': {
    title: 'No such feature exists on the License Server.',
    action: 'Check that the feature was activated on this License Server and that the client points at the right address.',
  },
  '-9': {
    title: 'The host id does not match the License Server computer: the licenses are broken.',
    action: 'Repair the licenses from the License Administrator on the License Server that activated them (at most 4 repairs a year).',
  },
  '-10': {
    title: 'The license has expired.',
    action: 'Activate a current entitlement (or remove the expired demo/engineering license) on the License Server.',
  },
  '-18': {
    title: 'The License Server does not support this feature.',
    action: 'The client asked for a feature this License Server does not serve: activate it there, or point the client at the License Server that holds it.',
  },
  // LM_CLOCKBAD: FlexNet denies a checkout when the client's and the server's clocks differ by more than 24 hours
  // (FlexNet Publisher documentation, "License Denials"; Flexera knowledge base on -88/-34).
  '-34': {
    title: 'Clock difference too large between the client and the License Server (more than 24 hours): the checkout was denied.',
    action: "Set the client computer's date, time and time zone right (use the domain's time source, NTP) and start the client again. Never set the License Server's clock back: that breaks its licenses.",
  },
  '-15': {
    title: 'Cannot connect to the License Server.',
    action: 'Check that the License Server is running on that computer, that the address (@host or port@host) is right, and that the firewall lets the port through.',
  },
  '-16': {
    title: 'Cannot read data from the License Server.',
    action: 'The License Server answered but the exchange failed: check the network and the versions of lmutil and the License Server, then retry.',
  },
  '-88': {
    title: 'The system clock has been set back: FlexNet refuses the license.',
    action: 'Put the clock of that computer right; if the licenses on the License Server are now broken, repair them from License Administrator (at most 4 repairs a year).',
  },
  '-96': {
    title: 'The License Server is down or not responding.',
    action: 'Start the License Server service (lmgrd) on that computer, and check the host name resolves to it.',
  },
  '-97': {
    title: 'The vendor daemon is down.',
    action: 'Restart the License Server service; if the vendor daemon keeps stopping, check its log and the license file.',
  },
};

function normalizeCode(code: string | number): string {
  const text = String(code).trim();
  // '-15,570:115' and '15' both mean -15.
  const major = text.split(',')[0].trim();
  return major.startsWith('-') ? major : `-${major}`;
}

/** A user-facing explanation of a FlexNet code ('-15', '-15,570:115' or -15). */
export function explainFlexNetError(code: string | number): FlexNetErrorExplanation {
  const major = normalizeCode(code);
  const known = KNOWN[major];
  if (known) return { code: major, ...known };
  return {
    code: major,
    title: `FlexNet error ${major}.`,
    action: 'Look the code up in the FlexNet error list, check the License Server log, and retry once the License Server is reachable.',
  };
}
