package io.liteshift.review;

/**
 * The page's one stylesheet and one script, inline. The stylesheet is light by default, dark under
 * {@code prefers-color-scheme: dark}, and light again in print, with everything expanded. The script only opens
 * every {@code <details>} before printing and closes them again after; the page works without it. Neither holds
 * a {@code <} or {@code &}, so the page stays well-formed XML.
 */
final class Styles {
    private Styles() {
    }

    static final String CSS = ":root{" + Palette.declarations(Palette.LIGHT) + "color-scheme:light dark}\n"
            + "@media (prefers-color-scheme: dark){:root{" + Palette.declarations(Palette.DARK) + "}}\n"
            + "@media print{:root{" + Palette.declarations(Palette.LIGHT) + "color-scheme:light}}\n"
            + """
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
            header,nav,main,footer{max-width:1280px;margin:0 auto;padding:0 20px}
            header{padding-top:12px}
            h1{font-size:1.6em;margin:.4em 0 .2em}
            h2{font-size:1.3em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
            h3{font-size:1.1em;margin:1.3em 0 .4em}
            h4{font-size:1em;margin:1em 0 .3em}
            a{color:var(--link)}
            :focus-visible{outline:3px solid var(--link);outline-offset:2px}
            :target{outline:3px solid var(--link);outline-offset:-3px}
            code,pre,.mono{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;font-size:.92em}
            .muted,.context{color:var(--muted)}
            .skip{position:absolute;left:-10000px}
            .skip:focus{left:8px;top:8px;background:var(--bg);padding:4px 8px}
            .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px;padding:0;margin:8px 0}
            table{border-collapse:collapse;margin:.4em 0 1em}
            th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
            thead th{background:var(--head)}
            .verdict{border:3px solid var(--line);border-radius:6px;padding:10px 16px;margin:10px 0}
            .verdict .level{font-size:1.5em;font-weight:700;margin:0}
            .verdict ul{margin:.3em 0 0;padding-left:1.3em}
            .v-safe{border-color:var(--added);background:var(--added-bg)}
            .v-safe .level{color:var(--added)}
            .v-needs-attention{border-color:var(--changed);background:var(--changed-bg)}
            .v-needs-attention .level{color:var(--changed)}
            .v-destructive{border-color:var(--dropped);background:var(--dropped-bg)}
            .v-destructive .level{color:var(--dropped)}
            .figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:8px;margin:12px 0}
            .figures div{border:1px solid var(--line);border-radius:6px;padding:6px 10px;background:var(--code)}
            .figures dt{color:var(--muted);font-size:.9em}
            .figures dd{margin:0;font-size:1.1em;font-weight:600;overflow-wrap:anywhere}
            .sev{font-weight:700;text-transform:uppercase;font-size:.85em;letter-spacing:.03em}
            .sev-error .sev,.sev.sev-error{color:var(--dropped)}
            .sev-warning .sev,.sev.sev-warning{color:var(--changed)}
            .sev-info .sev,.sev.sev-info{color:var(--info)}
            .state{font-weight:700;white-space:nowrap}
            .state.st-added{color:var(--added)}
            .state.st-dropped{color:var(--dropped)}
            .state.st-changed{color:var(--changed)}
            .state.st-rebuilt{color:var(--rebuilt)}
            .legend{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding:0}
            .scroll{overflow:auto;max-height:85vh;border:1px solid var(--line);background:var(--box)}
            figure{margin:0 0 1em}
            figcaption{color:var(--muted);font-size:.9em;margin-top:4px}
            details{margin:1em 0}
            summary{cursor:pointer;font-weight:600}
            svg.erd{display:block;font:12px ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace}
            svg.erd text{fill:var(--fg)}
            svg.erd .box{fill:var(--box);stroke:var(--line);stroke-width:1}
            svg.erd .head{fill:var(--head)}
            svg.erd .name{font-weight:700}
            svg.erd .type,svg.erd .keys,svg.erd .collapsed .tag{fill:var(--muted)}
            svg.erd .tag{font-weight:700}
            svg.erd .group .box{stroke-dasharray:3 3}
            svg.erd .st-added .box{stroke:var(--added);stroke-width:2}
            svg.erd .st-added .head{fill:var(--added-bg)}
            svg.erd .st-dropped .box{stroke:var(--dropped);stroke-width:2;stroke-dasharray:7 4}
            svg.erd .st-dropped .head{fill:var(--dropped-bg)}
            svg.erd .st-changed .box{stroke:var(--changed);stroke-width:2}
            svg.erd .st-changed .head{fill:var(--changed-bg)}
            svg.erd .st-rebuilt .box{stroke:var(--rebuilt);stroke-width:3;stroke-dasharray:12 3 3 3}
            svg.erd .st-rebuilt .head{fill:var(--rebuilt-bg)}
            svg.erd .tag.st-added,svg.erd .st-added .tag,svg.erd text.col.st-added,svg.erd text.col.st-added tspan{fill:var(--added)}
            svg.erd .st-dropped .tag,svg.erd text.col.st-dropped,svg.erd text.col.st-dropped tspan{fill:var(--dropped)}
            svg.erd .st-changed .tag,svg.erd text.col.st-changed,svg.erd text.col.st-changed tspan{fill:var(--changed)}
            svg.erd .st-rebuilt .tag{fill:var(--rebuilt)}
            svg.erd text.col.st-dropped{text-decoration:line-through}
            svg.erd text.col.st-added,svg.erd text.col.st-changed,svg.erd text.col.st-dropped{font-weight:700}
            svg.erd .edge .line{fill:none;stroke:var(--line);stroke-width:1.25}
            svg.erd .edge:hover .line{stroke-width:3}
            svg.erd .edge.st-added .line{stroke:var(--added);stroke-width:2.5}
            svg.erd .edge.st-dropped .line{stroke:var(--dropped);stroke-width:2;stroke-dasharray:7 4}
            svg.erd .edge.st-changed .line{stroke:var(--changed);stroke-width:2;stroke-dasharray:12 3 3 3}
            svg.erd .arrow path{fill:var(--line)}
            svg.erd .arrow.st-added path,svg.erd .edge.st-added .edge-mark{fill:var(--added)}
            svg.erd .arrow.st-dropped path,svg.erd .edge.st-dropped .edge-mark{fill:var(--dropped)}
            svg.erd .arrow.st-changed path,svg.erd .edge.st-changed .edge-mark{fill:var(--changed)}
            svg.erd .edge-mark{font-weight:700;font-size:14px}
            .sql-scroll{overflow:auto;border:1px solid var(--line);background:var(--code)}
            table.sql{border-collapse:collapse;width:100%;margin:0}
            table.sql th,table.sql td{border:0;padding:0 10px}
            table.sql tbody th{color:var(--muted);text-align:right;font-weight:400;width:1%;white-space:nowrap;user-select:none;font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;font-size:.92em}
            table.sql td code{white-space:pre-wrap;word-break:break-word;tab-size:4}
            table.sql tr.finding td{padding:6px 12px;border-left:5px solid var(--line);background:var(--bg)}
            table.sql tr.finding.sev-error td{border-left-color:var(--dropped);background:var(--dropped-bg)}
            table.sql tr.finding.sev-warning td{border-left-color:var(--changed);background:var(--changed-bg)}
            table.sql tr.finding.sev-info td{border-left-color:var(--info);background:var(--info-bg)}
            .finding p{margin:.15em 0}
            .finding .fix::before{content:"Fix: ";font-weight:700}
            .counts{color:var(--muted);font-size:.92em}
            footer{margin:2em auto 1em;color:var(--muted);font-size:.9em}
            @media print{
            body{font-size:10.5pt}
            nav,.skip{display:none}
            .scroll,.sql-scroll{overflow:visible;max-height:none}
            svg.erd{max-width:100%;height:auto}
            details::details-content{content-visibility:visible;display:block}
            tr,.verdict,.figures div{break-inside:avoid}
            a{color:inherit}
            }
            """;

    /** Opens every closed {@code <details>} for printing, and closes those again afterwards. */
    static final String SCRIPT = "(function(){var opened=[];"
            + "addEventListener('beforeprint',function(){opened=[];document.querySelectorAll('details').forEach(function(d){"
            + "if(!d.open){d.open=true;opened.push(d);}});});"
            + "addEventListener('afterprint',function(){opened.forEach(function(d){d.open=false;});opened=[];});})();";
}
