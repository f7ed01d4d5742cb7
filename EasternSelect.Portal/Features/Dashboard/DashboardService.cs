using EasternSelect.Domain.Common;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Casework;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Dashboard;

/// <summary>The rolling window of the dashboards: the current month (Taiwan time) and the eleven before it.</summary>
public sealed record DashboardWindow(DateOnly Today, DateOnly FromMonth, DateOnly ToMonth)
{
    public const int Months = 12;

    public IReadOnlyList<DateOnly> AllMonths => [.. Enumerable.Range(0, Months).Select(FromMonth.AddMonths)];

    /// <summary>The UTC instants of the window's Taiwan month boundaries.</summary>
    public UtcRange Utc => new(MonthStartUtc(FromMonth), MonthStartUtc(ToMonth.AddMonths(1)));

    /// <summary>The UTC instant at which the Taiwan month of <paramref name="month"/> begins.</summary>
    public static DateTime MonthStartUtc(DateOnly month) => TaiwanTime.Month(month.Year, month.Month).FromUtc;

    public static DashboardWindow Ending(DateOnly today)
    {
        var to = IncomingLot.MonthOf(today);
        return new DashboardWindow(today, to.AddMonths(1 - Months), to);
    }
}

public sealed record QualityMonth(DateOnly Month, QualityFigures Figures)
{
    /// <summary>Rejected ÷ decided original lots, in percent (100 − pass rate; 0 when nothing was decided).</summary>
    public decimal RejectionRate => Figures.LotsDecided == 0 ? 0m : 100m - Figures.PassRate;
}

/// <summary>Complaints opened in a month and how many of them were closed within the 7-day target (the KPI page's rule).</summary>
public sealed record ClosureMonth(DateOnly Month, int Opened, int Closed, int ClosedWithinTarget)
{
    /// <summary>客訴處理 7 日內結案率 in percent: closed within the target ÷ closed.</summary>
    public double? Rate => Closed == 0 ? null : Math.Round(100.0 * ClosedWithinTarget / Closed, 1);
}

/// <summary>The QA dashboard: incoming-inspection figures from lots, customer returns over the window from the imported operating data, and the targets of the window's last year.</summary>
public sealed record QaPanel(
    DashboardWindow Window, QualityMonth ThisMonth, IReadOnlyList<QualityMonth> Months,
    int OpenCorrectiveActions, int OverdueCorrectiveActions, int SpotChecksDue, bool SpotCheckListConfirmed,
    CustomerReturnFigures Returns, KpiTargetValues Targets);

public sealed record SupplierServicePanel(
    int ReviewsInProgress, int ReviewsAwaitingVerdict, int PendingTierProposals, int? PendingEvaluationId,
    int OpenGrievances, int NewGrievances, int? UnreadGrievances);

public sealed record CxPanel(DashboardWindow Window, int OnTrack, int DueSoon, int Overdue, IReadOnlyList<ClosureMonth> Closure)
{
    public int Open => OnTrack + DueSoon + Overdue;
}

/// <summary>
/// The executive's KPIs over the window: incoming-inspection rates from lots, customer returns from the imported
/// operating data, each against its own target of the window's last year (<see cref="OperatingFigures.TargetsAsync"/>).
/// </summary>
public sealed record ExecutivePanel(
    DashboardWindow Window, QualityFigures Quality, IReadOnlyList<QualityMonth> QualityMonths, IReadOnlyList<ClosureMonth> Closure,
    long UnitsShipped, int UnreadGrievances, int PendingTierProposals, int? PendingEvaluationId, CustomerReturnFigures Returns, KpiTargetValues Targets)
{
    /// <summary>各類商品檢驗比率 100%: every received lot inspected.</summary>
    public const decimal InspectionRatioTargetPercent = KpiTargetValues.InspectionRatioPercent;

    /// <summary>客訴率: the seed's goal is 0%.</summary>
    public const double ComplaintRateGoalPercent = 0;

    public int ComplaintsOpened => Closure.Sum(c => c.Opened);

    public ClosureMonth ClosureTotal => new(Window.ToMonth, ComplaintsOpened, Closure.Sum(c => c.Closed), Closure.Sum(c => c.ClosedWithinTarget));

    /// <summary>Complaints ÷ orders shipped in the window, in percent; null until shipped volumes are entered.</summary>
    public double? ComplaintRatePercent => UnitsShipped == 0 ? null : Math.Round(100.0 * ComplaintsOpened / UnitsShipped, 3);
}

/// <summary>
/// The role dashboards (issue 6): every figure is an SQL aggregate over the records a list page (or the drill-down
/// records page) shows with the same filter, so a figure and its list always agree.
/// </summary>
public sealed class DashboardService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    IAuthorizationService authorization,
    CurrentUser currentUser,
    CaseworkSettings settings,
    TimeProvider time)
{
    public DashboardWindow Window() => DashboardWindow.Ending(time.TaipeiToday());

    public async Task<QaPanel> QaAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var window = Window();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var months = await QualityMonthsAsync(db, window, ct);
        var open = await InspectionFigures.OpenCorrectiveActions(db.CorrectiveActions.AsNoTracking(), null).CountAsync(ct);
        var overdue = await InspectionFigures.OpenCorrectiveActions(db.CorrectiveActions.AsNoTracking(), window.Today).CountAsync(ct);
        var confirmed = await db.SpotCheckMonths.AnyAsync(m => m.Month == window.ToMonth, ct);
        var due = await InspectionFigures.DueSpotCheckItems(db, window.ToMonth).CountAsync(ct);
        var returns = await OperatingFigures.ReturnsAsync(db, window.FromMonth, window.ToMonth, null, null, ct);
        var targets = await OperatingFigures.TargetsAsync(db, window.ToMonth.Year, ct);
        return new QaPanel(window, months[^1], months, open, overdue, due, confirmed, returns, targets);
    }

    public async Task<SupplierServicePanel> SupplierServiceAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var reviews = await db.QualificationReviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.InProgress || r.Status == ReviewStatus.AwaitingVerdict)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var (pending, evaluationId) = await PendingProposalsAsync(db, ct);
        var grievances = await db.Grievances.AsNoTracking().Where(g => g.Status != CaseStatus.Closed)
            .GroupBy(g => g.Status == CaseStatus.New).Select(g => new { IsNew = g.Key, Count = g.Count() }).ToListAsync(ct);
        int? unread = await IsAsync(Policies.GrievanceDigest) ? await GrievanceFigures.UnreadBy(db, Me()).CountAsync(ct) : null;
        return new SupplierServicePanel(
            reviews.Where(r => r.Status == ReviewStatus.InProgress).Sum(r => r.Count),
            reviews.Where(r => r.Status == ReviewStatus.AwaitingVerdict).Sum(r => r.Count),
            pending, evaluationId, grievances.Sum(g => g.Count), grievances.Where(g => g.IsNew).Sum(g => g.Count), unread);
    }

    public async Task<CxPanel> CxAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        var window = Window();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var warning = settings.Sla.ClosureWarning;
        var onTrack = await ComplaintFigures.WithClosureSla(db.Complaints.AsNoTracking(), SlaStatus.OnTrack, now, warning).CountAsync(ct);
        var dueSoon = await ComplaintFigures.WithClosureSla(db.Complaints.AsNoTracking(), SlaStatus.DueSoon, now, warning).CountAsync(ct);
        var overdue = await ComplaintFigures.WithClosureSla(db.Complaints.AsNoTracking(), SlaStatus.Breached, now, warning).CountAsync(ct);
        return new CxPanel(window, onTrack, dueSoon, overdue, await ClosureMonthsAsync(db, window, ct));
    }

    public async Task<ExecutivePanel> ExecutiveAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ExecutiveDashboard);
        var window = Window();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var quality = await QualityMonthsAsync(db, window, ct);
        var closure = await ClosureMonthsAsync(db, window, ct);
        var shipped = (await OperatingFigures.ShippedByMonthAsync(db, window.FromMonth, window.ToMonth, ct)).Values.Sum();
        var unread = await GrievanceFigures.UnreadBy(db, Me()).CountAsync(ct);
        var (pending, evaluationId) = await PendingProposalsAsync(db, ct);
        var returns = await OperatingFigures.ReturnsAsync(db, window.FromMonth, window.ToMonth, null, null, ct);
        var targets = await OperatingFigures.TargetsAsync(db, window.ToMonth.Year, ct);
        return new ExecutivePanel(
            window, QualityFigures.Sum("window", quality.Select(q => q.Figures)), quality, closure, shipped, unread, pending, evaluationId, returns, targets);
    }

    private static async Task<IReadOnlyList<QualityMonth>> QualityMonthsAsync(PortalDbContext db, DashboardWindow window, CancellationToken ct)
    {
        var figures = (await InspectionFigures.MonthsAsync(db, window.FromMonth, window.ToMonth, ct)).ToDictionary(m => m.Month, m => m.Figures);
        var key = System.Globalization.CultureInfo.InvariantCulture;
        return [.. window.AllMonths.Select(m => new QualityMonth(m, figures.GetValueOrDefault(m) ?? QualityFigures.Empty(m.ToString("yyyy-MM", key))))];
    }

    /// <summary>Per Taiwan month of opening, as <see cref="ComplaintFigures.YearsAsync"/> counts a year: closed, and closed within the target.</summary>
    private static async Task<IReadOnlyList<ClosureMonth>> ClosureMonthsAsync(PortalDbContext db, DashboardWindow window, CancellationToken ct) =>
        [.. (await ComplaintFigures.MonthsAsync(db, window.AllMonths, ct)).Select(m => new ClosureMonth(m.Month, m.Opened, m.Closed, m.ClosedWithinTarget))];

    /// <summary>Tier-change proposals waiting for the QA manager, and the newest run that has some (the link opens it).</summary>
    private static async Task<(int Pending, int? EvaluationId)> PendingProposalsAsync(PortalDbContext db, CancellationToken ct)
    {
        var byRun = await db.TierProposals.AsNoTracking().Where(p => p.Decision == ProposalDecision.Pending)
            .GroupBy(p => p.TierEvaluationId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = byRun.Select(r => r.Id).ToList();
        var newest = ids.Count == 0 ? (int?)null
            : await db.TierEvaluations.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderByDescending(e => e.Month).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        return (byRun.Sum(r => r.Count), newest);
    }

    private string? Me() => currentUser.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<bool> IsAsync(string policy) => (await authorization.AuthorizeAsync(currentUser.Principal, policy)).Succeeded;
}
