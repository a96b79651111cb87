// Injected before </body> of a copy of the report, after the report's own
// script: checks the page through the DOM as a reader's clicks change it,
// and leaves its findings in a hidden pre#acg-probe, for --dump-dom:
//   PASS name | FAIL name: detail     one line per check
//   SECTION key<TAB>title             every report section, in page order
//   ROWS n                            rows of the per-organisation table
(function () {
	"use strict";
	var out = [];
	function check(name, ok, detail) {
		out.push((ok ? "PASS " : "FAIL ") + name + (ok || detail === undefined ? "" : ": " + detail));
	}
	function heading(table, col) {
		var ths = table.tHead.rows[0].cells;
		for (var i = 0; i < ths.length; i++)
			if (ths[i].getAttribute("data-col") === col) return ths[i];
		return null;
	}
	// The sort keys of a column: null for an empty cell.
	function keys(table, th, num) {
		var rows = table.tBodies[0].rows, v = [];
		for (var i = 0; i < rows.length; i++) {
			var td = rows[i].cells[th.cellIndex];
			if (td.classList.contains("e")) v.push(null);
			else v.push(num ? parseFloat(td.textContent) : td.textContent);
		}
		return v;
	}
	// Whether keys are in order dir, every empty one last.
	function inOrder(v, num, dir) {
		var seenEmpty = false, prev = null;
		for (var i = 0; i < v.length; i++) {
			if (v[i] === null) { seenEmpty = true; continue; }
			if (seenEmpty) return "a value after an empty cell at row " + i;
			if (num && isNaN(v[i])) return "not a number at row " + i;
			if (prev !== null) {
				var c = num ? v[i] - prev : v[i].localeCompare(prev);
				if (dir === "ascending" ? c < 0 : c > 0)
					return "row " + i + " (" + v[i] + ") out of order after " + prev;
			}
			prev = v[i];
		}
		return "";
	}
	function clickAndCheck(table, col, num, dir) {
		var th = heading(table, col);
		if (!th) { check("sort " + col, false, "no heading"); return; }
		var b = th.querySelector("button");
		if (!b) { check("sort " + col, false, "the heading is not a button"); return; }
		b.click();
		var marked = table.tHead.querySelectorAll("th[aria-sort]");
		check("sort " + col + " " + dir + ": aria-sort", th.getAttribute("aria-sort") === dir &&
		      marked.length === 1, "aria-sort=" + th.getAttribute("aria-sort") + ", " +
		      marked.length + " headings marked");
		var why = inOrder(keys(table, th, num), num, dir);
		check("sort " + col + " " + dir + ": order", why === "", why);
	}
	try {
		check("the page's script ran", document.documentElement.classList.contains("js"));
		var secs = document.querySelectorAll("section[data-section]");
		for (var i = 0; i < secs.length; i++) {
			var h2 = secs[i].querySelector("h2");
			out.push("SECTION " + secs[i].getAttribute("data-section") + "\t" +
				 (h2 ? h2.textContent : "(no heading)"));
		}
		var table = document.getElementById("acg-org-table");
		check("the per-organisation table", !!table);
		if (table) {
			var n = table.tBodies[0].rows.length;
			out.push("ROWS " + n);
			var ths = table.tHead.rows[0].cells, buttons = table.tHead.querySelectorAll("th > button");
			check("every heading is a button", buttons.length === ths.length,
			      buttons.length + " of " + ths.length);
			check("no heading sorted before a click",
			      table.tHead.querySelectorAll("th[aria-sort]").length === 0);
			clickAndCheck(table, "betweenness", true, "descending");
			clickAndCheck(table, "betweenness", true, "ascending");
			clickAndCheck(table, "apex_distance", true, "descending");
			clickAndCheck(table, "apex_distance", true, "ascending");
			clickAndCheck(table, "principals", true, "descending");
			clickAndCheck(table, "name", false, "ascending");
			clickAndCheck(table, "name", false, "descending");
			check("sorting keeps every row", table.tBodies[0].rows.length === n);
		}
		var other = document.querySelector("section[data-section] table.sortable");
		if (other) {
			var th0 = other.tHead.rows[0].cells[0];
			th0.querySelector("button").click();
			check("a section's table sorts too", !!th0.getAttribute("aria-sort"));
		}
		var fig = document.querySelector("#acg-diagram svg.diagram");
		var cap = document.getElementById("acg-diagram-caption");
		check("the diagram or a note in its place", !!fig || (cap && cap.textContent.length > 0));
		if (fig) {
			var box = fig.getBoundingClientRect(), page = document.querySelector("main").getBoundingClientRect();
			check("the diagram fits the page width", box.width > 100 && box.width <= page.width + 1,
			      box.width + " in " + page.width);
		}
		var charts = document.querySelectorAll("svg.chart");
		check("two charts", charts.length === 2, charts.length);
		for (i = 0; i < charts.length; i++) {
			var r = charts[i].getBoundingClientRect();
			check("chart " + charts[i].id + " is drawn", r.width > 200 && r.height > 100,
			      r.width + "x" + r.height);
		}
		var scripts = document.querySelectorAll("script");
		check("only the page's script and the probe's two", scripts.length === 3, scripts.length);
		var all = document.querySelectorAll("*"), handlers = [];
		for (i = 0; i < all.length; i++)
			for (var j = 0; j < all[i].attributes.length; j++)
				if (/^on/i.test(all[i].attributes[j].name))
					handlers.push(all[i].tagName + " " + all[i].attributes[j].name);
		check("no event-handler attribute", handlers.length === 0, handlers.join(", "));
		check("no injected alert ran", !window.acgProbeAlerted);
		var fetched = performance.getEntriesByType("resource");
		check("nothing fetched", fetched.length === 0,
		      fetched.map(function (e) { return e.name; }).join(" "));
	} catch (e) {
		check("probe", false, "exception " + e);
	}
	var errors = window.acgProbeErrors || ["the early probe did not run"];
	for (var k = 0; k < errors.length; k++) check("page error", false, errors[k]);
	var pre = document.createElement("pre");
	pre.id = "acg-probe";
	pre.hidden = true;
	pre.textContent = "\n" + out.join("\n") + "\n";
	document.body.appendChild(pre);
})();
