using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Grievances;

/// <summary>
/// Supplier grievances (廠訴) as staff read them: lists, detail, the daily digest (立馬辦) and read marks. The complainant's identity leaves this
/// service only for the supplier-service head, executives and the auditor assigned to the case (masked,
/// revealed with an audit entry); a third-party auditor sees only the cases assigned to it.
/// </summary>
public sealed class GrievanceService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    AuditLog auditLog,
    CaseworkSettings settings,
    TimeProvider time)
{
    public const int MaxPageSize = 100;
    public const int DigestDays = 7;

    public async Task<PagedResult<GrievanceRow>> SearchAsync(GrievanceQuery query, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Grievances);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cases = Visible(db);
        if (query.OpenOnly)
        {
            cases = cases.Where(g => g.Status != CaseStatus.Closed);
        }

        if (query.Topic is { } topic)
        {
            cases = cases.Where(g => g.Topic == topic);
        }

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var total = await cases.CountAsync(ct);
        var rows = await cases.OrderByDescending(g => g.OpenedUtc).ThenByDescending(g => g.Id).Skip(Math.Max(query.Page, 0) * size).Take(size)
            .Select(g => new GrievanceRow(g.Id, g.Number, g.OpenedUtc, g.Topic, g.Subject, g.Status, g.Source, g.AuditorName, g.LastActivityUtc))
            .ToListAsync(ct);
        return new PagedResult<GrievanceRow>(rows, total);
    }

    public async Task<GrievanceDetail?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Grievances);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await Visible(db).Include(x => x.Events).Include(x => x.Attachments).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null)
        {
            return null;
        }

        var identity = MaySeeIdentity(g.AuditorId)
            ? new GrievanceIdentityView(false, g.Anonymous, Masked(PersonalDataKind.Name, g.CompanyName), Masked(PersonalDataKind.Name, g.ContactName),
                Masked(PersonalDataKind.Phone, g.ContactPhone), Masked(PersonalDataKind.Email, g.ContactEmail))
            : new GrievanceIdentityView(true, g.Anonymous, null, null, null, null);
        var canWork = In(Roles.SupplierOfficer) || In(Roles.SupplierHead);
        return new GrievanceDetail(
            g.Id, g.Number, g.Status, g.Topic, g.Source, g.Subject, g.Description, identity, g.AssigneeName, g.AuditorId, g.AuditorName,
            g.Outcome, g.Conclusion, g.ConcludedUtc, g.SignedOffByName, g.SignedOffUtc, g.OpenedUtc, g.ClosedUtc, g.Version,
            g.Events.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Select(e => new CaseEventView(e.AtUtc, e.Kind, e.From, e.To, e.ByName, e.Text)).ToList(),
            MaySeeIdentity(g.AuditorId)
                ? g.Attachments.OrderBy(a => a.AddedUtc).Select(a => new CaseAttachmentView(a.FileId, a.FileName, a.Length, a.AddedUtc, a.AddedBy)).ToList()
                : [],
            In(Roles.SupplierHead), canWork, g.AuditorId is not null && g.AuditorId == Me(), canWork ? CaseWorkflow.NextStatuses(g.Status) : []);
    }

    /// <summary>保護您: the unmasked identity, for the head, executives and the assigned auditor only; every view is audited.</summary>
    public async Task<GrievanceIdentityView?> RevealIdentityAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceIdentity);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await db.Grievances.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.AuditorId, x.Anonymous, x.CompanyName, x.ContactName, x.ContactPhone, x.ContactEmail }).SingleOrDefaultAsync(ct);
        if (g is null)
        {
            return null;
        }

        if (!MaySeeIdentity(g.AuditorId))
        {
            throw new UnauthorizedAccessException("Only the auditor assigned to this grievance may see the complainant.");
        }

        await auditLog.WriteAsync(AuditAction.ViewPersonalData, currentUser.Actor, nameof(Grievance), id.ToString(CultureInfo.InvariantCulture), "complainant", ct);
        return new GrievanceIdentityView(false, g.Anonymous, g.CompanyName, g.ContactName, g.ContactPhone, g.ContactEmail);
    }

    // ---- 立馬辦: the daily digest ----

    /// <summary>Every grievance new or changed in the last <see cref="DigestDays"/> days, plus anything still unread by me.</summary>
    public async Task<IReadOnlyList<DigestRow>> DigestAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceDigest);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var me = Me();
        // The last seven Taiwan calendar days, today included: the digest reads like the days people worked.
        var since = TaiwanTime.StartUtc(time.TaipeiToday().AddDays(1 - DigestDays));
        var unread = UnreadBy(db, me).Select(g => g.Id);
        var recent = db.Grievances.AsNoTracking().Where(g => g.LastActivityUtc >= since || unread.Contains(g.Id));
        return await RowsAsync(db, recent, ct);
    }

    /// <summary>
    /// Open grievances the person has not read since their last change (<see cref="GrievanceDigestRule.IsUnread"/> in SQL):
    /// the digest lists them, the dashboard counts them. The caller checks <see cref="Policies.GrievanceDigest"/>.
    /// </summary>
    public static IQueryable<Grievance> UnreadBy(PortalDbContext db, string? userId) => Data.Queries.GrievanceFigures.UnreadBy(db, userId);

    /// <summary>Grievances unread by the general manager or the head after the next working day (their home pages show these).</summary>
    public async Task<IReadOnlyList<DigestRow>> EscalationsAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceDigest);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var recent = db.Grievances.AsNoTracking().Where(g => g.Status != CaseStatus.Closed
            && (!db.GrievanceReads.Any(r => r.GrievanceId == g.Id && r.Role == Roles.SupplierHead && r.ReadUtc >= g.LastActivityUtc)
                || !db.GrievanceReads.Any(r => r.GrievanceId == g.Id && r.Role == Roles.Executive && r.ReadUtc >= g.LastActivityUtc)));
        return (await RowsAsync(db, recent, ct)).Where(r => r.Overdue).ToList();
    }

    public async Task MarkReadAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceDigest);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var me = Me() ?? throw new UnauthorizedAccessException("A signed-in person marks grievances read.");
        if (!await db.Grievances.AnyAsync(g => g.Id == id, ct))
        {
            return;
        }

        var read = await db.GrievanceReads.SingleOrDefaultAsync(r => r.GrievanceId == id && r.UserId == me, ct);
        if (read is null)
        {
            read = new GrievanceRead { GrievanceId = id, UserId = me };
            db.GrievanceReads.Add(read);
        }

        read.UserName = currentUser.Actor().Name;
        read.Role = In(Roles.SupplierHead) ? Roles.SupplierHead : Roles.Executive;
        read.ReadUtc = Now();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The yearly count by topic and outcome (the seed report: 65 cases in 2020), aggregated in SQL.</summary>
    public async Task<IReadOnlyList<GrievanceYearCount>> YearCountsAsync(int year, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceDigest);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var figures = await GrievanceFigures.YearAsync(db, year, ct);
        return figures.Groups.GroupBy(g => new { g.Topic, g.Outcome })
            .Select(x => new GrievanceYearCount(x.Key.Topic, x.Key.Outcome, x.Sum(g => g.Count))).ToList();
    }

    private async Task<IReadOnlyList<DigestRow>> RowsAsync(PortalDbContext db, IQueryable<Grievance> grievances, CancellationToken ct)
    {
        var me = Me();
        var rows = await grievances.OrderByDescending(g => g.LastActivityUtc).Take(200)
            .Select(g => new { g.Id, g.Number, g.Topic, g.Subject, g.Status, g.OpenedUtc, g.LastActivityUtc, g.CreatedUtc, g.UpdatedUtc })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var reads = await db.GrievanceReads.AsNoTracking().Where(r => ids.Contains(r.GrievanceId))
            .Select(r => new { r.GrievanceId, r.UserId, r.Role, r.ReadUtc }).ToListAsync(ct);
        var now = Now();
        return rows.Select(g =>
        {
            var mine = reads.Where(r => r.GrievanceId == g.Id);
            DateTime? Last(Func<string, bool> who) => mine.Where(r => who(r.Role)).Select(r => (DateTime?)r.ReadUtc).Max();
            var head = Last(role => role == Roles.SupplierHead);
            var executive = Last(role => role == Roles.Executive);
            var byMe = mine.Where(r => r.UserId == me).Select(r => (DateTime?)r.ReadUtc).Max();
            var overdue = GrievanceDigestRule.IsOverdue(g.LastActivityUtc, head, now, settings.Calendar)
                || GrievanceDigestRule.IsOverdue(g.LastActivityUtc, executive, now, settings.Calendar);
            return new DigestRow(g.Id, g.Number, g.Topic, g.Subject, g.Status, g.OpenedUtc, g.LastActivityUtc,
                g.Status == CaseStatus.New, !GrievanceDigestRule.IsUnread(g.LastActivityUtc, byMe),
                !GrievanceDigestRule.IsUnread(g.LastActivityUtc, head), !GrievanceDigestRule.IsUnread(g.LastActivityUtc, executive),
                g.Status != CaseStatus.Closed && overdue);
        }).ToList();
    }

    private IQueryable<Grievance> Visible(PortalDbContext db) => VisibleTo(db.Grievances.AsNoTracking(), currentUser.Principal);

    /// <summary>The grievances <paramref name="principal"/> may see: all for supplier-service staff and executives, the assigned ones for an auditor.</summary>
    public static IQueryable<Grievance> VisibleTo(IQueryable<Grievance> grievances, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.IsInRole(Roles.SupplierOfficer) || principal.IsInRole(Roles.SupplierHead) || principal.IsInRole(Roles.Executive))
        {
            return grievances;
        }

        var me = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return grievances.Where(g => g.AuditorId != null && g.AuditorId == me);
    }

    private bool MaySeeIdentity(string? auditorId) => MaySeeIdentity(currentUser.Principal, auditorId);

    /// <summary>保護您: who may see the complainant (and the attachments, which can name them): the head, executives, the assigned auditor.</summary>
    public static bool MaySeeIdentity(ClaimsPrincipal principal, string? auditorId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.IsInRole(Roles.SupplierHead) || principal.IsInRole(Roles.Executive)
            || principal.IsInRole(Roles.ThirdPartyAuditor) && auditorId is not null && auditorId == principal.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    private bool In(string role) => currentUser.Principal.IsInRole(role);

    private string? Me() => currentUser.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string? Masked(PersonalDataKind kind, string? value) => string.IsNullOrEmpty(value) ? null : PersonalDataMask.Mask(kind, value);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
