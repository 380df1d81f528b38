// Draws the dashboard's charts from the numbers embedded in the page (the same
// numbers are in the tables beside each chart). Without JavaScript the tables remain.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  const data = JSON.parse(document.getElementById("dashboard-data").textContent);
  const accent = "#0b5c8e", warn = "#d08a00", bad = "#b3261e";

  function bar(id, labels, datasets, links) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    const chart = new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: datasets.length > 1 } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        onClick: function (event, elements) {
          // Every bar opens the list of articles behind it.
          if (elements.length && links) window.location = links[elements[0].index];
        },
      },
    });
    canvas.style.cursor = links ? "pointer" : "default";
    return chart;
  }

  bar("chart-age", data.age.labels, [
    { label: "Overdue articles", data: data.age.values, backgroundColor: bad },
  ], data.age.links);

  bar("chart-specialty", data.specialty.labels, [
    { label: "Overdue", data: data.specialty.overdue, backgroundColor: bad },
    { label: "Due soon", data: data.specialty.due_soon, backgroundColor: warn },
  ], data.specialty.links);

  const trend = document.getElementById("chart-trend");
  if (trend && data.trend.labels.length) {
    new Chart(trend, {
      type: "line",
      data: {
        labels: data.trend.labels,
        datasets: [
          { label: "Overdue", data: data.trend.overdue, borderColor: bad, pointRadius: 0 },
          { label: "Due soon", data: data.trend.due_soon, borderColor: warn, pointRadius: 0 },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        interaction: { mode: "index", intersect: false },
      },
    });
  }
})();
