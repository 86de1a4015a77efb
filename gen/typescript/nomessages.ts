// ---- messages with plurals, selects and formats: this catalog has none ----

interface Message {
  l: string;
  m: never[];
}

interface PluralRules {
  c: never[];
  o: never[];
}

type Formats = never;

function renderMessage(_t: Message, _params: Record<string, ParamValue>, _kinds: Map<string, string>): string {
  return "";
}

function messageRefs(_nodes: never[]): string[] {
  return [];
}

