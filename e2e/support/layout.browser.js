// Runs in the page: support/layout.ts reads this file as text and evaluates it there.
// Plain JavaScript, so that no transpiler helper (tsx wraps functions in `__name`) reaches
// the page. Given `{scope, controls}`, answers the layout problems as sentences.
({ scope, controls }) => {
  const root = document.documentElement;
  const windowWidth = root.clientWidth;
  const problems = [];
  const px = (n) => Math.round(n);

  // `button «Revoca 7KQF-…» (table.stacked-table > tbody > tr > td)`: enough to find it.
  const describe = (element, withText = true) => {
    const text = withText
      ? (element.getAttribute("aria-label") ?? element.innerText ?? element.textContent ?? "").replace(/\s+/g, " ").trim()
      : "";
    const name = text ? ` «${text.length > 60 ? `${text.slice(0, 57)}…` : text}»` : "";
    const path = [];
    for (let at = element; at && at !== document.body && path.length < 4; at = at.parentElement) {
      const classes = [...at.classList].filter((c) => !/^(d|m[tbsexy]?|p[tbsexy]?|gap|col|row|g[xy]?)-/.test(c));
      path.unshift(at.id ? `${at.localName}#${at.id}` : [at.localName, ...classes.slice(0, 2)].join("."));
    }
    return `${element.localName}${name} (${path.join(" > ")})`;
  };

  if (root.scrollWidth > windowWidth) {
    // The outermost elements that reach past the window's right edge.
    const wide = [...document.body.querySelectorAll("*")].filter((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= windowWidth + 0.5) return false;
      const parent = element.parentElement?.getBoundingClientRect();
      return !parent || parent.right <= windowWidth + 0.5;
    });
    problems.push(
      `the page scrolls sideways: ${root.scrollWidth}px of content in a ${windowWidth}px window, ` +
        `because of ${wide.slice(0, 4).map((element) => describe(element, false)).join("; ") || "an element outside the body"}`,
    );
  }

  const main = document.querySelector(scope);
  if (!main) return [...problems, `there is no ${scope} on the page`];

  // A table wider than the box it sits in spills over its neighbours, or scrolls inside it.
  for (const table of main.querySelectorAll("table")) {
    const box = table.parentElement;
    if (!box || table.getBoundingClientRect().width <= 1) continue;
    const inside = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
    const right = table.getBoundingClientRect().right;
    if (right > inside + 0.5 || box.scrollWidth > box.clientWidth + 0.5) {
      const caption = table.caption?.textContent?.replace(/\s+/g, " ").trim() ?? "";
      problems.push(
        `table «${caption.slice(0, 60)}» is wider than the space it has: ` +
          `${px(table.getBoundingClientRect().width)}px in ${box.clientWidth}px (${describe(box, false)})`,
      );
    }
  }
  for (const control of main.querySelectorAll(controls)) {
    const style = getComputedStyle(control);
    if (style.visibility !== "visible" || style.display === "none") continue;
    const box = control.getBoundingClientRect();
    // Not displayed, or visually hidden for screen readers only.
    if (box.width <= 1 || box.height <= 1) continue;
    if (box.left < -0.5 || box.right > windowWidth + 0.5) {
      problems.push(
        `${describe(control)} is cut by the window: from ${px(box.left)}px to ${px(box.right)}px of ${windowWidth}px`,
      );
      continue;
    }
    for (let clipper = control.parentElement; clipper && clipper !== root; clipper = clipper.parentElement) {
      const clip = getComputedStyle(clipper);
      const clipsX = clip.overflowX !== "visible";
      const clipsY = clip.overflowY !== "visible";
      if (!clipsX && !clipsY) continue;
      const outer = clipper.getBoundingClientRect();
      // The box's inside: within its borders, without its scroll bars.
      const left = outer.left + clipper.clientLeft;
      const top = outer.top + clipper.clientTop;
      const right = left + clipper.clientWidth;
      const bottom = top + clipper.clientHeight;
      const outX = clipsX && (box.left < left - 0.5 || box.right > right + 0.5);
      const outY = clipsY && (box.top < top - 0.5 || box.bottom > bottom + 0.5);
      if (outX || outY) {
        problems.push(
          `${describe(control)} is cut by ${describe(clipper, false)} (overflow: ${clip.overflowX} ${clip.overflowY}; ` +
            `control ${px(box.left)}–${px(box.right)} × ${px(box.top)}–${px(box.bottom)}, ` +
            `box ${px(left)}–${px(right)} × ${px(top)}–${px(bottom)})`,
        );
        break;
      }
    }
  }
  return problems;
}
