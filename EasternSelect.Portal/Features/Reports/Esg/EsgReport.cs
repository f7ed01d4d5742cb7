using EasternSelect.Domain.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EasternSelect.Data;
using EasternSelect.Domain.Reporting;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>What the page shows about a year's published snapshot.</summary>
public sealed record EsgSnapshotInfo(int Year, DateTime FrozenUtc, string FrozenByName, string Culture, string Sha256, string? Note, bool IsIntact);

/// <summary>A figure whose live value differs from the frozen one: where it is (section › table › row › column) and both values.</summary>
public sealed record EsgDifference(string Where, string Frozen, string Live);

/// <summary>The outcome of a freeze: the command's <see cref="Result"/> and, when it succeeded, the snapshot.</summary>
public sealed record EsgFreezeResult(Result Result, EsgSnapshotInfo? Snapshot = null);

/// <summary>
/// The ESG report 品質嚴選 服務貼心 of a year: built live from every registered <see cref="IEsgSection"/>, or — once an
/// executive has frozen the year — the published snapshot, marked as such, whatever happened to the records since.
/// </summary>
public sealed class EsgReport(
    IDbContextFactory<PortalDbContext> contexts,
    IEnumerable<IEsgSection> sections,
    PolicyGuard guard,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The report as published: the frozen snapshot when there is an intact one, the live figures otherwise.</summary>
    public async Task<ReportDocument> BuildAsync(int year, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.EsgReport);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var snapshot = await db.EsgSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Year == year, ct);
        if (snapshot is null)
        {
            return await BuildLiveAsync(year, ct);
        }

        if (!snapshot.IsIntact)
        {
            // Never print figures that no longer match their signature as published ones.
            var live = await BuildLiveAsync(year, ct);
            return Prepend(live, l["Esg.SnapshotBroken", year]);
        }

        var frozen = JsonSerializer.Deserialize<ReportDocument>(snapshot.DocumentJson, Json)!;
        return Prepend(frozen, FrozenText(snapshot));
    }

    public async Task<EsgSnapshotInfo?> FindAsync(int year, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.EsgReport);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var snapshot = await db.EsgSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Year == year, ct);
        return snapshot is null ? null : Info(snapshot);
    }

    /// <summary>Freezes the year's live figures as the signed-off snapshot (executives only; a completed Taiwan year; once).</summary>
    public async Task<EsgFreezeResult> FreezeAsync(int year, string? note, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.EsgFreeze);
        var now = clock.GetUtcNow().UtcDateTime;
        // Refuse before building a whole year's report that the snapshot would refuse anyway.
        if (EsgSnapshot.CheckYear(year, clock.TaipeiToday().Year) is { } error)
        {
            return new(Result.Fail(error));
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.EsgSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Year == year, ct);
        var document = await BuildLiveAsync(year, ct);
        var actor = currentUser.Actor;
        EsgSnapshot snapshot;
        try
        {
            snapshot = EsgSnapshot.Freeze(year, JsonSerializer.Serialize(document, Json), CultureInfo.CurrentUICulture.Name, actor.UserId ?? actor.UserName, actor.UserName, note, now, existing);
        }
        catch (DomainRuleException rule)
        {
            return new(Result.Refused(rule));
        }

        db.EsgSnapshots.Add(snapshot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another executive froze the same year at the same moment: the unique index keeps the first.
            return new(Result.Fail("Esg.AlreadyFrozen"));
        }

        // The auditing interceptor records the snapshot (who, when, figures, hash) as a Create entry.
        return new(Result.Ok(snapshot.Id), Info(snapshot));
    }

    /// <summary>
    /// Where today's live figures differ from the frozen ones, compared in the snapshot's language so that headings match.
    /// Empty when the year is not frozen or nothing changed.
    /// </summary>
    public async Task<IReadOnlyList<EsgDifference>> DifferencesAsync(int year, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.EsgReport);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var snapshot = await db.EsgSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Year == year, ct);
        if (snapshot is null || !snapshot.IsIntact)
        {
            return [];
        }

        var frozen = JsonSerializer.Deserialize<ReportDocument>(snapshot.DocumentJson, Json)!;
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(snapshot.Culture);
            var live = await BuildLiveAsync(year, ct);
            return Compare(Figures(frozen, CultureInfo.CurrentCulture), Figures(live, CultureInfo.CurrentCulture));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>Every figure of a document by its place: section › table › row label › column, and section › KPI label.</summary>
    public static IReadOnlyDictionary<string, string> Figures(ReportDocument document, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(document);
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in document.Sections)
        {
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportTable table:
                        var rows = table.Rows.Concat(table.Totals is { } totals ? [totals] : []);
                        foreach (var row in rows)
                        {
                            var label = row.Count > 0 ? row[0].Display(culture) : string.Empty;
                            for (var i = 1; i < row.Count && i < table.Columns.Count; i++)
                            {
                                figures[$"{section.Heading} › {table.Title} › {label} › {table.Columns[i].Header}"] = row[i].Display(culture);
                            }
                        }

                        break;
                    case ReportKpis kpis:
                        foreach (var tile in kpis.Tiles)
                        {
                            figures[$"{section.Heading} › {tile.Label}"] = tile.ActualText(culture);
                        }

                        break;
                }
            }
        }

        return figures;
    }

    public static IReadOnlyList<EsgDifference> Compare(IReadOnlyDictionary<string, string> frozen, IReadOnlyDictionary<string, string> live)
    {
        ArgumentNullException.ThrowIfNull(frozen);
        ArgumentNullException.ThrowIfNull(live);
        const string None = "—";
        return frozen.Keys.Concat(live.Keys.Where(k => !frozen.ContainsKey(k)))
            .Select(k => new EsgDifference(k, frozen.GetValueOrDefault(k, None), live.GetValueOrDefault(k, None)))
            .Where(d => !string.Equals(d.Frozen, d.Live, StringComparison.Ordinal))
            .ToList();
    }

    private async Task<ReportDocument> BuildLiveAsync(int year, CancellationToken ct)
    {
        var built = new List<ReportSection>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            built.AddRange(await section.BuildAsync(year, ct));
        }

        return new ReportDocument(l["Reports.Esg.Chapter"], l["Reports.Esg.Subtitle", year], built);
    }

    private string FrozenText(EsgSnapshot s)
    {
        var when = TaiwanTime.Format(s.FrozenUtc, "yyyy-MM-dd HH:mm");
        var text = l["Esg.FrozenText", s.Year, when, s.FrozenByName, s.Sha256].Value;
        return s.Note is null ? text : text + " " + l["Esg.FrozenNote", s.Note].Value;
    }

    /// <summary>The document with a first paragraph saying how its figures stand (frozen, or a broken snapshot).</summary>
    private ReportDocument Prepend(ReportDocument document, string text)
    {
        var first = new ReportSection(l["Esg.Publication"], [new ReportParagraph(text)]);
        return document with { Sections = [first, .. document.Sections] };
    }

    private static EsgSnapshotInfo Info(EsgSnapshot s) => new(s.Year, s.FrozenUtc, s.FrozenByName, s.Culture, s.Sha256, s.Note, s.IsIntact);
}
