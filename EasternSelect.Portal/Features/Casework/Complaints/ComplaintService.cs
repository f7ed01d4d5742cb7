using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Complaints;

/// <summary>
/// Customer complaints (客訴): intake, lists, workflow, major cases and personal-data reveal. Customer
/// contacts leave this service masked, except through <see cref="RevealAsync"/>, which is audited and
/// allowed only to the person working the case.
/// </summary>
public sealed class ComplaintService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    IAuthorizationService authorization,
    CurrentUser currentUser,
    AuditLog auditLog,
    CaseworkSettings settings,
    TimeProvider time)
{
    public const int MaxPageSize = 100;

    public async Task<IReadOnlyList<ComplaintCategoryView>> CategoriesAsync(bool activeOnly, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ComplaintCategories.AsNoTracking().Where(c => !activeOnly || c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new ComplaintCategoryView(c.Id, c.Code, c.NameZh, c.NameEn, c.SortOrder, c.Active)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ProductPick>> FindProductsAsync(string? text, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return [];
        }

        var term = text.Trim();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking()
            .Where(p => p.Sku.StartsWith(term) || p.Name.Contains(term))
            .OrderBy(p => p.Sku).Take(10)
            .Select(p => new ProductPick(p.Id, p.Sku, p.Name, p.SupplierId, p.Supplier!.Name)).ToListAsync(ct);
    }

    public async Task<PagedResult<ComplaintRow>> SearchAsync(ComplaintQuery query, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now();
        var soon = now + settings.Sla.ClosureWarning;
        var me = currentUser.Actor.UserId;
        var cases = db.Complaints.AsNoTracking();
        cases = query.View switch
        {
            ComplaintView.Open => cases.Where(c => c.Status != CaseStatus.Closed),
            ComplaintView.Attention => cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Resolved
                && (c.ClosureDueUtc <= soon || c.FirstResponseUtc == null && c.FirstResponseDueUtc <= now + settings.Sla.ResponseWarning)),
            ComplaintView.Major => cases.Where(c => c.IsMajor && c.Status != CaseStatus.Closed),
            ComplaintView.Mine => cases.Where(c => c.AssigneeId == me && c.Status != CaseStatus.Closed),
            ComplaintView.Closed => cases.Where(c => c.Status == CaseStatus.Closed),
            _ => cases,
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            cases = cases.Where(c => c.Number == term || c.OrderNumber == term || c.Number.StartsWith(term));
        }

        if (query.Sla is { } sla)
        {
            cases = WithClosureSla(cases, sla, now, settings.Sla.ClosureWarning);
        }

        if (query.CategoryId is { } category)
        {
            cases = cases.Where(c => c.CategoryId == category);
        }

        if (query.Channel is { } channel)
        {
            cases = cases.Where(c => c.Channel == channel);
        }

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var total = await cases.CountAsync(ct);
        var ordered = query.View is ComplaintView.Attention or ComplaintView.Open or ComplaintView.Mine or ComplaintView.Major
            ? cases.OrderBy(c => c.ClosureDueUtc).ThenBy(c => c.Id)
            : cases.OrderByDescending(c => c.OpenedUtc).ThenByDescending(c => c.Id);
        var rows = await ordered.Skip(Math.Max(query.Page, 0) * size).Take(size)
            .Select(c => new
            {
                c.Id, c.Number, c.OpenedUtc, c.Channel, c.CategoryId, c.Status, c.IsMajor, c.AssigneeName,
                c.CustomerName, c.CustomerPhone, c.ClosureDueUtc, c.ClosedUtc, c.FirstResponseDueUtc, c.FirstResponseUtc,
            })
            .ToListAsync(ct);
        var categories = await CategoryNamesAsync(db, ct);
        return new PagedResult<ComplaintRow>(rows.Select(c => new ComplaintRow(
            c.Id, c.Number, c.OpenedUtc, c.Channel, categories.GetValueOrDefault(c.CategoryId, "?"), c.Status, c.IsMajor, c.AssigneeName,
            PersonalDataMask.Name(c.CustomerName), PersonalDataMask.Phone(c.CustomerPhone),
            SlaView.Of(settings, now, c.ClosureDueUtc, c.ClosedUtc, c.FirstResponseDueUtc, c.FirstResponseUtc))).ToList(), total);
    }

    /// <summary>
    /// Open (not closed) complaints whose closure clock stands at <paramref name="sla"/> at <paramref name="nowUtc"/>, the SQL
    /// form of <see cref="SlaClock.Evaluate"/>: breached past the due time, due soon within the warning window, else on track.
    /// </summary>
    public static IQueryable<Complaint> WithClosureSla(IQueryable<Complaint> complaints, SlaStatus sla, DateTime nowUtc, TimeSpan warning) => Data.Queries.ComplaintFigures.WithClosureSla(complaints, sla, nowUtc, warning);

    public async Task<ComplaintDetail?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking().Include(x => x.Events).Include(x => x.Attachments).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var product = c.ProductId is { } productId
            ? await db.Products.AsNoTracking().Where(p => p.Id == productId)
                .Select(p => new ProductPick(p.Id, p.Sku, p.Name, p.SupplierId, p.Supplier!.Name)).SingleOrDefaultAsync(ct)
            : null;
        var supplierName = c.SupplierId is { } supplierId
            ? await db.Suppliers.AsNoTracking().Where(s => s.Id == supplierId).Select(s => s.Name).SingleOrDefaultAsync(ct)
            : product?.SupplierName;
        var categories = await CategoryNamesAsync(db, ct);
        var canWork = await CanWorkAsync(c.AssigneeId, c.IsMajor);
        var canTake = c.Status != CaseStatus.Closed && c.AssigneeId != currentUser.Actor.UserId
            && (!c.IsMajor || await IsAsync(Policies.MajorCases));
        return new ComplaintDetail(
            c.Id, c.Number, c.Status, c.Channel, categories.GetValueOrDefault(c.CategoryId, "?"), c.CategoryId,
            PersonalDataMask.Name(c.CustomerName), PersonalDataMask.Phone(c.CustomerPhone),
            NullIfEmpty(PersonalDataMask.Email(c.CustomerEmail)), NullIfEmpty(PersonalDataMask.Address(c.CustomerAddress)),
            c.OrderNumber, product, supplierName, c.Description, c.IsMajor, c.MajorReasons, c.MajorDetected,
            c.RootCause, c.RootCauseNote, c.AssigneeId, c.AssigneeName, c.OpenedUtc, c.ClosedUtc, c.ReopenCount,
            SlaView.Of(settings, Now(), c.ClosureDueUtc, c.ClosedUtc, c.FirstResponseDueUtc, c.FirstResponseUtc), c.Version,
            c.Events.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Select(e => new CaseEventView(e.AtUtc, e.Kind, e.From, e.To, e.ByName, e.Text)).ToList(),
            c.Attachments.OrderBy(a => a.AddedUtc).Select(a => new CaseAttachmentView(a.FileId, a.FileName, a.Length, a.AddedUtc, a.AddedBy)).ToList(),
            canWork, canTake, canWork ? CaseWorkflow.NextStatuses(c.Status) : []);
    }

    /// <summary>Records a complaint from any channel. Signs of a major case in the text send it to the major-case team at once.</summary>
    public async Task<CaseResult> CreateAsync(ComplaintForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.ComplaintCategories.AnyAsync(c => c.Id == form.CategoryId && c.Active, ct))
        {
            return CaseResult.Fail("Complaint.Error.Category");
        }

        int? supplierId = null;
        if (form.ProductId is { } productId)
        {
            supplierId = await db.Products.Where(p => p.Id == productId).Select(p => (int?)p.SupplierId).SingleOrDefaultAsync(ct);
            if (supplierId is null)
            {
                return CaseResult.Fail("Complaint.Error.Product");
            }
        }

        var now = Now();
        var by = currentUser.Actor();
        var complaint = new Complaint
        {
            Channel = form.Channel,
            CustomerName = form.CustomerName.Trim(),
            CustomerPhone = form.CustomerPhone.Trim(),
            CustomerEmail = Trim(form.CustomerEmail),
            CustomerAddress = Trim(form.CustomerAddress),
            OrderNumber = Trim(form.OrderNumber),
            ProductId = form.ProductId,
            SupplierId = supplierId,
            CategoryId = form.CategoryId,
            Description = form.Description.Trim(),
        };
        var responseDue = Complaint.IsOnlineChannel(form.Channel) ? settings.Sla.FirstResponseDue(now, settings.Calendar) : (DateTime?)null;
        complaint.Open(await NextNumberAsync(db, now, ct), now, settings.Sla.ClosureDue(now, settings.Calendar), responseDue, by);
        complaint.MarkMajor(form.MajorReasons, detected: false, by, now);
        var detected = MajorCaseDetector.Detect(complaint.Description);
        complaint.MarkMajor(detected & ~form.MajorReasons, detected: true, by, now);
        db.Complaints.Add(complaint);
        var notification = complaint.IsMajor ? NotifyMajor(db, complaint, now) : null;
        await db.SaveChangesAsync(ct);
        if (notification is not null)
        {
            // The link needs the id the save gave.
            notification.Link = Link(complaint.Id);
            await db.SaveChangesAsync(ct);
        }

        return CaseResult.Ok(complaint.Id);
    }

    /// <summary>The current person takes the case (a major case only by the major-case team).</summary>
    public Task<CaseResult> TakeAsync(int id, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: false, async (c, by, now) =>
        {
            if (c.IsMajor && !await IsAsync(Policies.MajorCases))
            {
                throw new CaseRuleException("Complaint.Error.MajorTeamOnly");
            }

            c.Assign(by, by, now);
        }, ct);

    public Task<CaseResult> MoveAsync(int id, CaseStatus to, string? note, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: true, (c, by, now) =>
        {
            c.MoveTo(to, by, now, note);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Records the root cause and closes in one step: closing requires it.</summary>
    public Task<CaseResult> CloseAsync(int id, RootCause cause, string? note, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: true, (c, by, now) =>
        {
            int? supplierId = cause == RootCause.QualityDefect ? c.SupplierId : null;
            if (c.Status == CaseStatus.Investigating || c.Status is CaseStatus.WaitingForCustomer or CaseStatus.WaitingForSupplier)
            {
                c.MoveTo(CaseStatus.Resolved, by, now);
            }

            c.SetRootCause(cause, note, supplierId, by, now);
            c.MoveTo(CaseStatus.Closed, by, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CaseResult> AddNoteAsync(int id, string text, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: true, (c, by, now) =>
        {
            c.AddNote(text, by, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The agent flags a major case; the team is told at once.</summary>
    public Task<CaseResult> FlagMajorAsync(int id, MajorCaseReason reasons, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: false, (c, by, now) =>
        {
            if (reasons == MajorCaseReason.None)
            {
                throw new CaseRuleException("Complaint.Error.MajorReason");
            }

            c.MarkMajor(reasons, detected: false, by, now);
            return Task.CompletedTask;
        }, ct);

    public async Task<CaseResult> AttachAsync(int id, string fileName, long length, Stream content, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Complaints.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return CaseResult.Fail("Case.Error.NotFound");
        }

        if (!await CanWorkAsync(c.AssigneeId, c.IsMajor))
        {
            return CaseResult.Fail("Case.Error.NotWorking");
        }

        var by = currentUser.Actor();
        var (file, error) = await CaseFiles.ReadAsync(fileName, length, content, by.Name, Now(), ct);
        if (file is null)
        {
            return CaseResult.Fail(error!);
        }

        await CaseFiles.SaveWithFilesAsync(db, [file], () => c.Attach(file.Id, file.FileName, file.Length, by, Now()), ct);
        return CaseResult.Ok(id);
    }

    /// <summary>One unmasked field for the person working the case; the view is written to the audit log.</summary>
    public async Task<string?> RevealAsync(int id, ComplaintField field, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.AssigneeId, x.IsMajor, x.CustomerName, x.CustomerPhone, x.CustomerEmail, x.CustomerAddress })
            .SingleOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }

        if (!await CanWorkAsync(c.AssigneeId, c.IsMajor))
        {
            throw new UnauthorizedAccessException("Only the person working the complaint may reveal the customer's data.");
        }

        await auditLog.WriteAsync(AuditAction.ViewPersonalData, currentUser.Actor, nameof(Complaint), Key(id), field.ToString(), ct);
        return field switch
        {
            ComplaintField.CustomerName => c.CustomerName,
            ComplaintField.CustomerPhone => c.CustomerPhone,
            ComplaintField.CustomerEmail => c.CustomerEmail,
            _ => c.CustomerAddress,
        };
    }

    private async Task<CaseResult> ChangeAsync(int id, Guid version, bool requireWorker, Func<Complaint, CaseActor, DateTime, Task> change, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Complaints.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return CaseResult.Fail("Case.Error.NotFound");
        }

        if (requireWorker && !await CanWorkAsync(c.AssigneeId, c.IsMajor))
        {
            return CaseResult.Fail(c.IsMajor ? "Complaint.Error.MajorTeamOnly" : "Case.Error.NotWorking");
        }

        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        var now = Now();
        var wasMajor = c.IsMajor;
        var wasClosed = c.Status == CaseStatus.Closed ? (c.RootCause, c.SupplierId, c.ClosedUtc) : default;
        try
        {
            await change(c, currentUser.Actor(), now);
        }
        catch (CaseRuleException ex)
        {
            return CaseResult.Fail(ex.Key);
        }

        if (!wasMajor && c.IsMajor)
        {
            NotifyMajor(db, c, now);
        }

        // A quality complaint counts toward its supplier's monthly record (complaint rate, spot-check candidates).
        if (wasClosed.RootCause == RootCause.QualityDefect && c.Status != CaseStatus.Closed && wasClosed.SupplierId is { } oldSupplier)
        {
            await CountQualityComplaintAsync(db, oldSupplier, wasClosed.ClosedUtc!.Value, -1, ct);
        }

        if (c.Status == CaseStatus.Closed && wasClosed.ClosedUtc is null && c.RootCause == RootCause.QualityDefect && c.SupplierId is { } supplier)
        {
            await CountQualityComplaintAsync(db, supplier, now, +1, ct);
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

    private static async Task CountQualityComplaintAsync(PortalDbContext db, int supplierId, DateTime utc, int delta, CancellationToken ct)
    {
        var month = new DateOnly(utc.Year, utc.Month, 1);
        var record = await db.SupplierMonthlyRecords.SingleOrDefaultAsync(r => r.SupplierId == supplierId && r.Month == month, ct);
        if (record is null)
        {
            record = new SupplierMonthlyRecord { SupplierId = supplierId, Month = month };
            db.SupplierMonthlyRecords.Add(record);
        }

        record.Complaints = Math.Max(0, record.Complaints + delta);
    }

    private static Domain.Notifications.Notification NotifyMajor(PortalDbContext db, Complaint c, DateTime now)
    {
        var notification = NotificationService.ForRole(Roles.MajorCaseTeam, "Notification.MajorComplaint", c.Number, c.Id > 0 ? Link(c.Id) : null, now);
        db.Notifications.Add(notification);
        return notification;
    }

    private static string Link(int id) => "/complaints/" + id.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> CanWorkAsync(string? assigneeId, bool isMajor) =>
        isMajor
            ? await IsAsync(Policies.MajorCases)
            : assigneeId is not null && assigneeId == currentUser.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<bool> IsAsync(string policy) => (await authorization.AuthorizeAsync(currentUser.Principal, policy)).Succeeded;

    private static async Task<Dictionary<int, string>> CategoryNamesAsync(PortalDbContext db, CancellationToken ct)
    {
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        return await db.ComplaintCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => zh ? c.NameZh : c.NameEn, ct);
    }

    /// <summary>C2026-000123: the year's next number (the unique index refuses a duplicate from a simultaneous intake).</summary>
    private static async Task<string> NextNumberAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"C{now.Year}-");
        var last = await db.Complaints.Where(c => c.Number.StartsWith(prefix)).MaxAsync(c => (string?)c.Number, ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{next:D6}");
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
