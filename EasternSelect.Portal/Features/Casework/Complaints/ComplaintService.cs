using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Privacy;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Complaints;

/// <summary>
/// Customer complaints (客訴) as lists and detail pages read them, and the personal-data reveal. Customer
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

    private Task<bool> CanWorkAsync(string? assigneeId, bool isMajor) => ComplaintWork.CanWorkAsync(authorization, currentUser, assigneeId, isMajor);

    private async Task<bool> IsAsync(string policy) => (await authorization.AuthorizeAsync(currentUser.Principal, policy)).Succeeded;

    private static async Task<Dictionary<int, string>> CategoryNamesAsync(PortalDbContext db, CancellationToken ct)
    {
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        return await db.ComplaintCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => zh ? c.NameZh : c.NameEn, ct);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
