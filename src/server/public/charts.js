/*
 * Charts come drawn as SVG by the server (they read and print without JavaScript).
 * Where JavaScript runs, ECharts' SSR client wires the drawn marks: pointing at
 * (or tapping) a bar, slice or point shows its name and amount, which the server
 * listed in the SVG's data-tips attribute by series and data index.
 */
(() => {
  const client = window["echarts-ssr-client"];
  if (!client) return;
  for (const box of document.querySelectorAll(".chart-svg")) {
    const svg = box.querySelector("svg");
    let tips = null;
    try {
      tips = JSON.parse(svg?.getAttribute("data-tips") ?? "null");
    } catch {
      tips = null;
    }
    if (!tips) continue;
    const tip = document.createElement("p");
    tip.className = "chart-tip";
    tip.setAttribute("role", "status");
    tip.hidden = true;
    box.after(tip);
    let hot = null;
    const show = (p) => {
      const text = p.ssrType === "chart" ? tips[p.seriesIndex ?? 0]?.[p.dataIndex ?? -1] : null;
      if (!text) return;
      hot?.classList.remove("chart-hot");
      hot = p.event.target;
      hot.classList.add("chart-hot");
      tip.textContent = text;
      tip.hidden = false;
    };
    const hide = () => {
      hot?.classList.remove("chart-hot");
      hot = null;
      tip.hidden = true;
    };
    client.hydrate(box, { on: { mouseover: show, click: show, mouseout: hide } });
  }
})();
