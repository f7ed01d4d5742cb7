using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Complaints;

/// <summary>Complaint intake (客訴受理): records a complaint from any channel and starts its clocks.</summary>
public sealed class ComplaintIntake(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    CaseworkSettings settings,
    TimeProvider time)
{
    /// <summary>Records a complaint. Signs of a major case in the text send it to the major-case team at once.</summary>
    public Task<Result> CreateAsync(ComplaintForm form, CancellationToken ct) =>
        TransientRetry.RunAsync(() => CreateOnceAsync(form, ct), ct);

    private async Task<Result> CreateOnceAsync(ComplaintForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.ComplaintCategories.AnyAsync(c => c.Id == form.CategoryId && c.Active, ct))
        {
            return Result.Fail("Complaint.Error.Category");
        }

        int? supplierId = null;
        if (form.ProductId is { } productId)
        {
            supplierId = await db.Products.Where(p => p.Id == productId).Select(p => (int?)p.SupplierId).SingleOrDefaultAsync(ct);
            if (supplierId is null)
            {
                return Result.Fail("Complaint.Error.Product");
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
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
        var notification = complaint.IsMajor ? ComplaintWork.NotifyMajor(db, complaint, now) : null;
        await db.SaveChangesAsync(ct);
        if (notification is not null)
        {
            // The link needs the id the save gave.
            notification.Link = ComplaintWork.Link(complaint.Id);
            await db.SaveChangesAsync(ct);
        }

        return Result.Ok(complaint.Id);
    }

    /// <summary>C2026-000123: the Taiwan year's next number (the unique index refuses a duplicate from a simultaneous intake).</summary>
    private static string Number(int year, int sequence) => string.Create(CultureInfo.InvariantCulture, $"C{year}-{sequence:D6}");

    private static async Task<string> NextNumberAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"C{TaiwanTime.YearOf(now)}-");
        var last = await db.Complaints.Where(c => c.Number.StartsWith(prefix)).MaxAsync(c => (string?)c.Number, ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return Number(TaiwanTime.YearOf(now), next);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
