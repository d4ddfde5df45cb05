// Rules index: search box and filters (severity, tag, kind). Cards are only hidden, never rebuilt.

const form = document.getElementById("rule-filters") as HTMLFormElement | null;
if (form) {
  const cards = [...document.querySelectorAll<HTMLElement>(".rule-card")];
  const count = document.getElementById("rule-count")!;
  const empty = document.getElementById("rule-empty")!;
  const field = <T extends Element>(name: string) => form.elements.namedItem(name) as unknown as T;
  form.hidden = false;

  const apply = () => {
    const words = field<HTMLInputElement>("q").value.toLowerCase().split(/\s+/).filter(Boolean);
    const severities = new Set([...form.querySelectorAll<HTMLInputElement>('input[name="severity"]:checked')].map((el) => el.value));
    const tag = field<HTMLSelectElement>("tag").value;
    const language = field<HTMLSelectElement>("language").value;
    let shown = 0;
    for (const card of cards) {
      const haystack = card.dataset.search ?? "";
      const visible =
        severities.has(card.dataset.severity ?? "") &&
        (!tag || (card.dataset.tags ?? "").split(" ").includes(tag)) &&
        (!language || card.dataset.language === language) &&
        words.every((w) => haystack.includes(w));
      card.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = shown === cards.length ? `${cards.length} rules` : `${shown} of ${cards.length} rules`;
    empty.hidden = shown > 0;
  };
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  // Deep links such as /rules/?q=yaml or ?tag=pickle.
  const params = new URLSearchParams(location.search);
  if (params.get("q")) field<HTMLInputElement>("q").value = params.get("q")!;
  if (params.get("tag")) field<HTMLSelectElement>("tag").value = params.get("tag")!;
  apply();
}
