using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Benchmarks;

/// <summary>Times the complaint list and KPI queries on a database with a full year of complaints (`seed --scale full`).</summary>
public static class ComplaintsBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int runs)
    {
        await using var portal = new PortalHost(connectionString);
        var complaints = portal.As<ComplaintService>(Roles.MajorCaseTeam);
        var kpis = portal.As<ComplaintKpiService>(Roles.MajorCaseTeam);
        await using (var db = portal.Services.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            Console.WriteLine($"Database: {await db.Complaints.CountAsync()} complaints, {await db.CaseEvents.CountAsync()} case events; {runs} runs each (median, max).");
        }

        var ct = CancellationToken.None;
        await Timing.MeasureAsync("complaints: all, newest first, page 1", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.All, null, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("complaints: all, page 400", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.All, null, null, 400, 25), ct), runs);
        await Timing.MeasureAsync("complaints: open, by deadline", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.Open, null, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("complaints: due soon / overdue", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.Attention, null, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("complaints: closed, category filter", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.Closed, 1, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("complaints: by case number", () => complaints.SearchAsync(new ComplaintQuery("C2021-150000", ComplaintView.All, null, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("complaints: detail", () => complaints.GetAsync(150_000, ct), runs);
        await Timing.MeasureAsync("kpi: year indicators 2021", () => kpis.YearsAsync(2021, 2021, ct), runs);
        await Timing.MeasureAsync("kpi: topics per year 2021", () => kpis.TopicsAsync(2021, 2021, ct), runs);
        await Timing.MeasureAsync("kpi: spot-check candidates 2021-06", () => kpis.SpotCheckCandidatesAsync(new DateOnly(2021, 6, 1), 10, ct), runs);
        return 0;
    }
}
