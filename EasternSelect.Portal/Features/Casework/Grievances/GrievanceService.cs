using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Grievances;

/// <summary>
/// Supplier grievances (廠訴) under 明白講 / 保護您 / 立馬辦 / 客觀查. The complainant's identity leaves this
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

    // ---- Public form (the portal's only anonymous write path) ----

    /// <summary>Files a grievance from the public form. Returns the case number and the token, shown once.</summary>
    public async Task<(GrievanceReceipt? Receipt, IReadOnlyList<string> Errors)> SubmitPublicAsync(GrievanceForm form, IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        var errors = Validate(form);
        if (files.Count > CaseFiles.MaxPublicFiles)
        {
            errors.Add("Grievance.Error.TooManyFiles");
        }

        foreach (var file in files)
        {
            if (CaseFiles.Check(file.FileName, file.Length) is { } error)
            {
                errors.Add(error);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors.Distinct().ToList());
        }

        var by = new CaseActor(null, form.Anonymous ? "匿名供應商" : "供應商");
        var (token, hash) = Grievance.NewToken();
        var result = await CreateAsync(form, GrievanceSource.PublicForm, hash, files, by, ct);
        return result.Number is null ? (null, result.Errors) : (new GrievanceReceipt(result.Number, token), []);
    }

    /// <summary>The status a supplier sees with its number and token; null when either is wrong (the same answer for both).</summary>
    public async Task<GrievanceStatusView?> StatusAsync(string? number, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(token) || number.Length > 20 || token.Length > 100)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await db.Grievances.AsNoTracking().Where(x => x.Number == number.Trim().ToUpperInvariant())
            .Select(x => new { x.Number, x.Topic, x.Status, x.OpenedUtc, x.LastActivityUtc, x.Outcome, x.TokenHash }).SingleOrDefaultAsync(ct);
        if (g is null || !new Grievance { TokenHash = g.TokenHash }.TokenMatches(token))
        {
            return null;
        }

        return new GrievanceStatusView(g.Number, g.Topic, g.Status, g.OpenedUtc, g.LastActivityUtc, g.Status == CaseStatus.Closed ? g.Outcome : null);
    }

    // ---- Staff ----

    /// <summary>An officer records a grievance received by phone, visit or letter.</summary>
    public async Task<CaseResult> RecordAsync(GrievanceForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceIntake);
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return new CaseResult(false, errors);
        }

        var result = await CreateAsync(form, GrievanceSource.Officer, null, [], currentUser.Actor(), ct);
        return result.Number is null ? new CaseResult(false, result.Errors) : CaseResult.Ok(result.Id);
    }

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
            g.Attachments.OrderBy(a => a.AddedUtc).Select(a => new CaseAttachmentView(a.FileId, a.FileName, a.Length, a.AddedUtc, a.AddedBy)).ToList(),
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

    public async Task<IReadOnlyList<AuditorOption>> AuditorsAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      join u in db.Users on ur.UserId equals u.Id
                      where r.Name == Roles.ThirdPartyAuditor
                      orderby u.DisplayName
                      select new AuditorOption(u.Id, u.DisplayName ?? u.Email ?? u.Id)).ToListAsync(ct);
    }

    public Task<CaseResult> TakeAsync(int id, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceIntake, (g, by, now) => g.Assign(by, by, now), ct);

    public Task<CaseResult> MoveAsync(int id, CaseStatus to, string? note, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceIntake, (g, by, now) => g.MoveTo(to, by, now, note), ct);

    public Task<CaseResult> AddNoteAsync(int id, string text, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceIntake, (g, by, now) => g.AddNote(text, by, now), ct);

    /// <summary>客觀查: the head puts a third-party auditor on the case.</summary>
    public async Task<CaseResult> AssignAuditorAsync(int id, string auditorId, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceManage);
        var auditor = (await AuditorsAsync(ct)).FirstOrDefault(a => a.Id == auditorId);
        if (auditor is null)
        {
            return CaseResult.Fail("Grievance.Error.NotAnAuditor");
        }

        return await ChangeAsync(id, version, Policies.GrievanceManage, (g, by, now) => g.AssignAuditor(new CaseActor(auditor.Id, auditor.Name), by, now), ct);
    }

    public Task<CaseResult> RecordFindingAsync(int id, string text, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceAudit, (g, by, now) => g.RecordFinding(text, by, now), ct);

    public Task<CaseResult> ConcludeAsync(int id, GrievanceOutcome outcome, string conclusion, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceAudit, (g, by, now) => g.Conclude(outcome, conclusion, by, now), ct);

    public Task<CaseResult> SignOffAsync(int id, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceManage, (g, by, now) => g.SignOff(by, now), ct);

    public async Task<CaseResult> AttachAsync(int id, string fileName, long length, Stream content, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Grievances);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await Visible(db).AsTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null)
        {
            return CaseResult.Fail("Case.Error.NotFound");
        }

        var by = currentUser.Actor();
        var (file, error) = await CaseFiles.ReadAsync(fileName, length, content, by.Name, Now(), ct);
        if (file is null)
        {
            return CaseResult.Fail(error!);
        }

        await CaseFiles.SaveWithFilesAsync(db, [file], () => g.Attach(file.Id, file.FileName, file.Length, by, Now()), ct);
        return CaseResult.Ok(id);
    }

    // ---- 立馬辦: the daily digest ----

    /// <summary>Every grievance new or changed in the last <see cref="DigestDays"/> days, plus anything still unread by me.</summary>
    public async Task<IReadOnlyList<DigestRow>> DigestAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceDigest);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var me = Me();
        var since = Now().AddDays(-DigestDays);
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

    private async Task<(string? Number, int? Id, IReadOnlyList<string> Errors)> CreateAsync(
        GrievanceForm form, GrievanceSource source, string? tokenHash, IReadOnlyList<UploadedFile> files, CaseActor by, CancellationToken ct)
    {
        var now = Now();
        var stored = new List<Domain.Files.StoredFile>();
        foreach (var file in files)
        {
            var (read, error) = await CaseFiles.ReadAsync(file.FileName, file.Length, file.Content, by.Name, now, ct);
            if (read is null)
            {
                return (null, null, [error!]);
            }

            stored.Add(read);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var grievance = new Grievance
        {
            Topic = form.Topic,
            Source = source,
            Subject = form.Subject.Trim(),
            Description = form.Description.Trim(),
            Anonymous = form.Anonymous,
            CompanyName = form.Anonymous ? null : Trim(form.CompanyName),
            ContactName = form.Anonymous ? null : Trim(form.ContactName),
            ContactPhone = form.Anonymous ? null : Trim(form.ContactPhone),
            ContactEmail = form.Anonymous ? null : Trim(form.ContactEmail),
            TokenHash = tokenHash,
        };
        grievance.Open(await NextNumberAsync(db, now, ct), now, settings.Sla.ClosureDue(now, settings.Calendar), null, by);
        db.Grievances.Add(grievance);
        await CaseFiles.SaveWithFilesAsync(db, stored, () =>
        {
            foreach (var file in stored)
            {
                grievance.Attach(file.Id, file.FileName, file.Length, by, now);
            }

            var link = "/grievances/" + grievance.Id.ToString(CultureInfo.InvariantCulture);
            foreach (var role in new[] { Roles.SupplierHead, Roles.Executive, Roles.SupplierOfficer })
            {
                db.Notifications.Add(NotificationService.ForRole(role, "Notification.GrievanceNew", grievance.Number, link, now));
            }
        }, ct);
        return (grievance.Number, grievance.Id, []);
    }

    private async Task<CaseResult> ChangeAsync(int id, Guid version, string policy, Action<Grievance, CaseActor, DateTime> change, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Grievances);
        await guard.EnsureAsync(policy);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await Visible(db).AsTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null)
        {
            return CaseResult.Fail("Case.Error.NotFound");
        }

        db.Entry(g).Property(x => x.Version).OriginalValue = version;
        try
        {
            change(g, currentUser.Actor(), Now());
        }
        catch (CaseRuleException ex)
        {
            return CaseResult.Fail(ex.Key);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseResult.Conflicted();
        }

        return CaseResult.Ok(id);
    }

    /// <summary>A third-party auditor sees only the cases assigned to it; the supplier-service staff and executives see all.</summary>
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

    private bool MaySeeIdentity(string? auditorId) =>
        In(Roles.SupplierHead) || In(Roles.Executive) || In(Roles.ThirdPartyAuditor) && auditorId is not null && auditorId == Me();

    private bool In(string role) => currentUser.Principal.IsInRole(role);

    private string? Me() => currentUser.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    private static List<string> Validate(GrievanceForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "Validation.Required").ToList();
    }

    private static async Task<string> NextNumberAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"G{now.Year}-");
        var last = await db.Grievances.Where(c => c.Number.StartsWith(prefix)).MaxAsync(c => (string?)c.Number, ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{next:D4}");
    }

    private static string? Masked(PersonalDataKind kind, string? value) => string.IsNullOrEmpty(value) ? null : PersonalDataMask.Mask(kind, value);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
