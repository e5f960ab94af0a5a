// internal: the call SIDs each participant label is on, so that the latest added with a label is found at once.

/** One SID in a label's chain, linked to the SIDs added with that label before and after it. */
interface Link {
  readonly sid: string;
  before: Link | undefined;
  after: Link | undefined;
}

/** A label's SIDs in the order they were added: each SID's link, and the latest added. */
interface Chain {
  readonly links: Map<string, Link>;
  latest: Link | undefined;
}

/**
 * The SIDs that carry each label, in the order they were given it, for Twilio's participant path
 * that names a participant by its `label` (the latest added with it wins). Adding, removing and
 * finding the latest each cost a map lookup and a few links, however many SIDs share a label (the
 * factories draw labels from a short list, so a conference of 100,000 participants has tens of
 * thousands on one label).
 */
export class LabelIndex {
  readonly #chains = new Map<string, Chain>();

  /** Gives `sid` the label, as the latest added with it (moving it there when it already had it). */
  add(label: string, sid: string): void {
    let chain = this.#chains.get(label);
    if (chain === undefined) {
      chain = { links: new Map(), latest: undefined };
      this.#chains.set(label, chain);
    } else this.#unlink(chain, sid);
    const link: Link = { sid, before: chain.latest, after: undefined };
    if (chain.latest) chain.latest.after = link;
    chain.latest = link;
    chain.links.set(sid, link);
  }

  /** Takes the label off `sid` (nothing when it does not carry it). */
  remove(label: string, sid: string): void {
    const chain = this.#chains.get(label);
    if (chain === undefined) return;
    this.#unlink(chain, sid);
    if (chain.links.size === 0) this.#chains.delete(label);
  }

  /** The SID given the label last among those that still carry it, or undefined. */
  latest(label: string): string | undefined {
    return this.#chains.get(label)?.latest?.sid;
  }

  #unlink(chain: Chain, sid: string): void {
    const link = chain.links.get(sid);
    if (link === undefined) return;
    chain.links.delete(sid);
    if (link.before) link.before.after = link.after;
    if (link.after) link.after.before = link.before;
    else chain.latest = link.before;
  }
}
