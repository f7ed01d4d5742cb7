using System.Globalization;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>What one run of <see cref="ReferenceDataSeeder"/> added.</summary>
public sealed record ReferenceSeedResult(int Checklists, int ComplaintTopics, int RecognisedLabs, int KpiTargets = 0, int CalendarDays = 0)
{
    public bool AddedAny => Checklists + ComplaintTopics + RecognisedLabs + KpiTargets + CalendarDays > 0;
}

/// <summary>
/// Writes the reference data of <see cref="ReferenceData"/> in every mode, idempotently: it adds what is missing
/// (a category without a checklist, a topic code, a lab name) and never changes or duplicates what is there,
/// so QA's later checklist versions and edits to topics and labs survive a restart.
/// </summary>
public static class ReferenceDataSeeder
{
    public const string SeededBy = "system";

    public static async Task<ReferenceSeedResult> SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var checklistCategories = await db.ChecklistTemplates.Select(t => t.Category).Distinct().ToListAsync(ct);
        var topicCodes = await db.ComplaintCategories.Select(c => c.Code).ToListAsync(ct);
        var labNames = await db.RecognisedLabs.Select(l => l.Name).ToListAsync(ct);
        var calendarDates = await db.CalendarDays.Select(d => d.Date).ToListAsync(ct);
        var calendarYears = calendarDates.Select(d => d.Year).ToHashSet();

        var checklists = Enum.GetValues<SupplierCategory>().Except(checklistCategories)
            .Select(category => ChecklistTemplate.Create(category, ReferenceData.Baseline(category), ReferenceData.BaselineEffectiveFrom, SeededBy))
            .ToList();
        var topics = ReferenceData.ComplaintTopics
            .Select((topic, i) => new ComplaintCategory { Code = topic.Code, NameZh = topic.NameZh, NameEn = topic.NameEn, SortOrder = (i + 1) * 10, ExcludedFromStatistics = topic.ExcludedFromStatistics })
            .Where(topic => !topicCodes.Contains(topic.Code))
            .ToList();
        var labs = ReferenceData.RecognisedLabs
            .Where(lab => !labNames.Contains(lab.Name))
            .Select(lab => new RecognisedLab { Name = lab.Name, RecognitionNumber = lab.RecognitionNumber, Scope = lab.Scope })
            .ToList();

        // The seed report's targets for the current year, once: later years fall back to the latest earlier year's.
        List<KpiTarget> targets = await db.KpiTargets.AnyAsync(ct) ? [] : [KpiTarget.Defaults(clock.TaipeiToday().Year, SeededBy)];

        // A year already in the table belongs to the administrators (edited or imported): only missing years are loaded.
        var days = ReferenceData.TaiwanCalendarDays
            .Where(day => !calendarYears.Contains(day.Date.Year))
            .Select(day => new CalendarDay { Date = day.Date, Kind = day.Kind, Name = day.Name })
            .ToList();

        var result = new ReferenceSeedResult(checklists.Count, topics.Count, labs.Count, targets.Count, days.Count);
        if (!result.AddedAny)
        {
            return result;
        }

        // One audit summary is enough, not a row per checklist item.
        db.AuditSuppressed = true;
        db.ChecklistTemplates.AddRange(checklists);
        db.ComplaintCategories.AddRange(topics);
        db.RecognisedLabs.AddRange(labs);
        db.KpiTargets.AddRange(targets);
        db.CalendarDays.AddRange(days);
        await db.SaveChangesAsync(ct);
        await SeedAudit.WriteAsync(db, clock, "ReferenceData", string.Create(CultureInfo.InvariantCulture,
            $"Seeded reference data: {checklists.Count} baseline checklists (version 1, {ReferenceData.BaselineItemCount} items each), {topics.Count} complaint topics, {labs.Count} recognised labs, {targets.Count} KPI target years, {days.Count} calendar days."), ct);
        return result;
    }
}
