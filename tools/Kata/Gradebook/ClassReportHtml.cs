using System.Globalization;
using System.Net;
using System.Text;

namespace Kata.Gradebook;

/// <summary>
/// The class report as one self-contained HTML page (inline CSS, JS and SVG; nothing is fetched): a learners × katas
/// heatmap with the points written in every cell (readable in grey and on paper), each kata's pass rate and most-failed
/// tests, each learner's progress as a sparkline, and the refused or hung submissions.
/// </summary>
public static class ClassReportHtml
{
    /// <summary>Incidents listed in full; beyond that the page says how many more there are.</summary>
    public const int MaxIncidents = 500;

    public static string Render(ClassView view, DateTimeOffset generatedAt, string title = "Foundations Katas — class report")
    {
        var html = new StringBuilder(1 << 20);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append("<title>").Append(E(title)).Append("</title><style>").Append(Css).Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"meta\">");
        html.Append(I($"{view.Learners.Count} learners · {view.Katas.Count} katas · {view.Learners.Sum(l => l.Runs.Count)} graded runs · "));
        html.Append("graded against ").Append(E(string.Join(", ", view.ReferenceCommits.Select(c => c.Length == 40 ? c[..12] : c))));
        html.Append(" · generated ").Append(GradebookStore.Iso(generatedAt)).Append(" <output id=\"timing\"></output></p>\n");
        Heatmap(html, view);
        KataTable(html, view);
        MostFailed(html, view);
        Incidents(html, view);
        html.Append("<script>").Append(Script).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void Heatmap(StringBuilder html, ClassView view)
    {
        html.Append("<section id=\"heatmap\"><h2>Learners × katas (points 0–100 from each learner's latest grade)</h2>\n");
        html.Append("<p class=\"legend noprint\"><label>Find a learner <input id=\"find\" type=\"search\" placeholder=\"login\"></label> · click a column head to sort</p>\n");
        html.Append("<p class=\"legend\">Cells: points; <b>✓</b> done · <b>–</b> not started · <b>TO</b> timed out (hung) · <b>✗</b> crashed or does not build · <b>R</b> refused. Colour repeats the number: ");
        for (int b = 0; b <= 10; b++) html.Append(I($"<span class=\"h{b}\">{b * 10}</span>"));
        html.Append("</p>\n<table class=\"heat\" id=\"grid\"><thead><tr><th>Learner</th><th>Score</th>");
        foreach (var (kata, title) in view.Katas) html.Append("<th title=\"").Append(E(title)).Append("\">").Append(kata).Append("</th>");
        html.Append("<th>Progress</th></tr></thead><tbody>\n");
        foreach (var learner in view.Learners)
        {
            var last = learner.Last;
            html.Append("<tr><th>").Append(E(learner.Login)).Append("</th>");
            html.Append(last.Refused ? "<td class=\"ref\">R</td>" : I($"<td class=\"h{Bucket(last.Score)}\">{last.Score:0.#}</td>"));
            foreach (var (kata, _) in view.Katas)
            {
                if (last.Refused || !learner.Latest.TryGetValue(kata, out var cell)) { html.Append("<td class=\"na\">·</td>"); continue; }
                html.Append(I($"<td class=\"h{Bucket(cell.Points)}\" title=\"{kata} {cell.Passed}/{cell.Total} {E(cell.Status)}\">{CellText(cell)}</td>"));
            }
            html.Append("<td>").Append(Sparkline(learner.Runs)).Append("</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static string CellText(KataCell cell) => cell.Status switch
    {
        "timed out" => "TO",
        "crashed" or "does not build" => "✗",
        "not started" => "–",
        _ when cell.Done => "✓",
        _ => Math.Round(cell.Points).ToString(CultureInfo.InvariantCulture),
    };

    private static void KataTable(StringBuilder html, ClassView view)
    {
        html.Append("<section id=\"katas\"><h2>Each kata: pass rate</h2>\n<table class=\"list\"><thead><tr><th>Kata</th><th>Title</th><th>Done</th><th>Pass rate</th><th>Started</th><th>Mean points</th></tr></thead><tbody>\n");
        var graded = view.Learners.Where(l => !l.Last.Refused).ToList();
        foreach (var (kata, title) in view.Katas)
        {
            var cells = graded.Select(l => l.Latest.GetValueOrDefault(kata)).OfType<KataCell>().ToList();
            int done = cells.Count(c => c.Done), started = cells.Count(c => c.Status != "not started");
            double rate = graded.Count == 0 ? 0 : 100.0 * done / graded.Count;
            double mean = cells.Count == 0 ? 0 : cells.Average(c => c.Points);
            html.Append(I($"<tr><td>{kata}</td><td>{E(title)}</td><td>{done} / {graded.Count}</td><td><span class=\"bar\"><span style=\"width:{rate:0}%\"></span></span> {rate:0}%</td><td>{started}</td><td>{mean:0.#}</td></tr>\n"));
        }
        html.Append("</tbody></table></section>\n");
    }

    private static void MostFailed(StringBuilder html, ClassView view)
    {
        html.Append(I($"<section id=\"failed\"><h2>Most-failed tests (each kata's top {ClassView.FailedTestsPerKata}, latest grades; an untouched stub's NotImplementedException is not counted)</h2>\n"));
        if (view.MostFailed.Count == 0) html.Append("<p>No failing test recorded (v1 grade files carry no per-test outcomes).</p>\n");
        foreach (var kata in view.MostFailed.GroupBy(t => t.Kata))
        {
            html.Append("<h3>").Append(kata.Key).Append("</h3><ol class=\"failed\">\n");
            foreach (var test in kata)
            {
                var (message, outcome, count) = test.Messages[0];
                html.Append(I($"<li><code>{E(test.Name)}</code> — fails for <b>{test.Failures}</b> learner{(test.Failures == 1 ? "" : "s")}"));
                html.Append(I($"<br><span class=\"msg\">{(outcome == "Failed" ? "" : E(outcome) + ": ")}{E(Clip(message, 300))}</span> <span class=\"count\">({count}×"));
                if (test.Messages.Count > 1) html.Append(I($"; {test.Messages.Count - 1} other message{(test.Messages.Count == 2 ? "" : "s")}"));
                html.Append(")</span></li>\n");
            }
            html.Append("</ol>\n");
        }
        html.Append("</section>\n");
    }

    private static void Incidents(StringBuilder html, ClassView view)
    {
        html.Append(I($"<section id=\"incidents\"><h2>Refused or hung submissions ({view.Incidents.Count})</h2>\n"));
        if (view.Incidents.Count == 0) { html.Append("<p>None.</p></section>\n"); return; }
        html.Append("<table class=\"list\"><thead><tr><th>Learner</th><th>Graded</th><th>Kind</th><th>What</th></tr></thead><tbody>\n");
        foreach (var incident in view.Incidents.Take(MaxIncidents))
            html.Append(I($"<tr><td>{E(incident.Login)}</td><td>{incident.GradedAt:yyyy-MM-dd HH:mm}</td><td>{E(incident.Kind)}</td><td>{E(Clip(incident.What, 400))}</td></tr>\n"));
        html.Append("</tbody></table>");
        if (view.Incidents.Count > MaxIncidents) html.Append(I($"<p>… and {view.Incidents.Count - MaxIncidents} more (query the gradebook's runs, kata_scores and test_outcomes tables).</p>"));
        html.Append("</section>\n");
    }

    /// <summary>
    /// The learner's score at each graded run, 0–100, as a polyline (refused runs have no score, so they are left out
    /// and named in the text); the first and last scores are written beside it.
    /// </summary>
    private static string Sparkline(IReadOnlyList<RunPoint> runs)
    {
        const int width = 90, height = 18;
        var graded = runs.Where(r => !r.Refused).ToList();
        string history = string.Join(", ", runs.Select(r => I($"{r.GradedAt:MM-dd} {(r.Refused ? "refused" : r.Score.ToString("0.#", CultureInfo.InvariantCulture))}")));
        string note = runs[^1].Refused ? ", last refused" : "";
        if (graded.Count == 0) return $"<span class=\"trend\" title=\"{history}\">all refused</span>";
        var points = graded.Select((r, i) => (x: graded.Count == 1 ? width / 2.0 : 2 + i * (width - 4.0) / (graded.Count - 1), y: height - 1 - r.Score * (height - 2) / 100)).ToList();
        string polyline = string.Join(' ', points.Select(p => I($"{p.x:0.#},{p.y:0.#}")));
        var (lastX, lastY) = points[^1];
        return I($"<svg class=\"spark\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\"><title>{history}</title><polyline points=\"{polyline}\"/><circle cx=\"{lastX:0.#}\" cy=\"{lastY:0.#}\" r=\"2\"/></svg> ")
               + I($"<span class=\"trend\">{graded[0].Score:0} → {graded[^1].Score:0}{note}</span>");
    }

    private static int Bucket(double points) => (int)Math.Clamp(Math.Floor(points / 10), 0, 10);
    private static string Clip(string text, int length) => text.Length > length ? text[..length] + "…" : text;
    private static string E(string text) => WebUtility.HtmlEncode(text);
    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Colour is a second channel only: every cell carries its number, so the page reads in greyscale and on paper.
    private const string Css = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#111}
        h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.6em 0 .4em}h3{font-size:1em;margin:1em 0 .2em}
        .meta,.legend{color:#444}.legend span{display:inline-block;width:2.2em;text-align:center;border:1px solid #999;font-size:.8em}
        table{border-collapse:collapse}th,td{padding:2px 5px;border:1px solid #bbb}
        .heat td{text-align:center;min-width:2.3em;font-variant-numeric:tabular-nums}
        .heat tbody th{text-align:left;font-weight:normal;white-space:nowrap}
        .heat thead th{position:sticky;top:0;background:#fff;cursor:pointer;z-index:1}
        .h0{background:#fff}.h1{background:#f2f7fb}.h2{background:#e3eef7}.h3{background:#d0e1f1}.h4{background:#b9d3e9}
        .h5{background:#9dc3e2}.h6{background:#7fb0d8}.h7{background:#5f9bcd}.h8{background:#3f84c0;color:#fff}
        .h9{background:#2b6aa8;color:#fff}.h10{background:#17508e;color:#fff}.na{color:#999}.ref{font-weight:bold;background:#fde0dd}
        .spark{vertical-align:middle}.spark polyline{fill:none;stroke:#17508e;stroke-width:1.5}.spark circle{fill:#17508e}
        .trend{font-size:.8em;color:#444;white-space:nowrap}
        .list td{vertical-align:top}.bar{display:inline-block;width:6em;height:.7em;border:1px solid #777}
        .bar span{display:block;height:100%;background:#3f84c0}.msg{font-family:ui-monospace,monospace;font-size:.85em;color:#333}
        .count{color:#555;font-size:.85em}#timing{color:#777}
        @media print{body{margin:0;font-size:9pt}.noprint,#timing{display:none}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
          .heat thead{display:table-header-group}.heat tr{break-inside:avoid}section{break-before:auto}
          #katas,#failed,#incidents{break-before:page}.heat thead th{position:static}}
        """;

    // Find a learner, sort by a column; and say how long the page took to be ready in this browser.
    private const string Script = """
        (function(){
        var grid=document.getElementById('grid'),body=grid.tBodies[0],find=document.getElementById('find');
        find.addEventListener('input',function(){var q=find.value.toLowerCase();
          for(var r of body.rows)r.style.display=r.cells[0].textContent.toLowerCase().indexOf(q)<0?'none':'';});
        function key(c){var t=c.textContent;if(t==='✓')return 100;var n=parseFloat(t);return isNaN(n)?-1:n;}
        grid.tHead.rows[0].addEventListener('click',function(e){var th=e.target.closest('th');if(!th)return;
          var i=th.cellIndex,rows=Array.from(body.rows),desc=th.dataset.desc!=='1';th.dataset.desc=desc?'1':'0';
          rows.sort(function(a,b){var x=i===0?a.cells[0].textContent.localeCompare(b.cells[0].textContent):key(a.cells[i])-key(b.cells[i]);return desc&&i>0?-x:x;});
          body.append.apply(body,rows);});
        addEventListener('load',function(){document.getElementById('timing').textContent='· ready in '+Math.round(performance.now())+' ms';});
        })();
        """;
}
