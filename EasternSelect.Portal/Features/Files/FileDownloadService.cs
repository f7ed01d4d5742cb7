using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Casework.Grievances;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Files;

/// <summary>A stored file on its way to the person allowed to open it.</summary>
public sealed record FileDownload(int Id, string FileName, string ContentType, byte[] Content);

/// <summary>
/// Opens a stored file only through the record it belongs to, with that record's page rules, and audits every
/// download (who, which file, which record; never the bytes or the name). Null means "not found" to the caller:
/// an unknown file, a file of another record, and a record the person may not see look the same.
/// </summary>
public sealed class FileDownloadService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    IAuthorizationService authorization,
    CurrentUser currentUser,
    AuditLog auditLog)
{
    /// <summary>A complaint's attachment; a major case's only for the major-case team (injury and personal-data evidence).</summary>
    public async Task<FileDownload?> ComplaintAsync(int complaintId, int fileId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking().Where(x => x.Id == complaintId)
            .Select(x => new { x.IsMajor, Owns = x.Attachments.Any(a => a.FileId == fileId) }).SingleOrDefaultAsync(ct);
        if (c is null || !c.Owns || c.IsMajor && !await IsAsync(Policies.MajorCases))
        {
            return null;
        }

        return await ServeAsync(db, fileId, nameof(Complaint), complaintId, ct);
    }

    /// <summary>保護您: a grievance's attachment can name the complainant, so it goes only to those who may see the identity.</summary>
    public async Task<FileDownload?> GrievanceAsync(int grievanceId, int fileId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Grievances);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await GrievanceService.VisibleTo(db.Grievances.AsNoTracking(), currentUser.Principal).Where(x => x.Id == grievanceId)
            .Select(x => new { x.AuditorId, Owns = x.Attachments.Any(a => a.FileId == fileId) }).SingleOrDefaultAsync(ct);
        if (g is null || !g.Owns || !GrievanceService.MaySeeIdentity(currentUser.Principal, g.AuditorId))
        {
            return null;
        }

        return await ServeAsync(db, fileId, nameof(Grievance), grievanceId, ct);
    }

    /// <summary>A qualification review's document or on-site photo.</summary>
    public async Task<FileDownload?> ReviewAsync(int reviewId, int fileId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.QualificationReviews.AsNoTracking().Where(r => r.Id == reviewId)
            .Select(r => new { Document = r.Documents.Any(d => d.FileId == fileId), Photos = r.Scores.Select(s => s.PhotoFileIds).ToList() })
            .SingleOrDefaultAsync(ct);
        var fileKey = fileId.ToString(CultureInfo.InvariantCulture);
        var owns = review is not null && (review.Document
            || review.Photos.Any(ids => ids is not null && ids.Split(',', StringSplitOptions.TrimEntries).Contains(fileKey)));
        return owns ? await ServeAsync(db, fileId, nameof(QualificationReview), reviewId, ct) : null;
    }

    /// <summary>A supplier's signed contract.</summary>
    public async Task<FileDownload?> ContractAsync(int supplierId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var fileId = await db.Suppliers.AsNoTracking().Where(s => s.Id == supplierId).Select(s => s.ContractFileId).SingleOrDefaultAsync(ct);
        return fileId is { } id ? await ServeAsync(db, id, nameof(Supplier), supplierId, ct) : null;
    }

    /// <summary>
    /// An inspection photo or lab report: every inspection record has the same policy, so the file is looked up from
    /// its own id and served only when some inspection record holds it.
    /// </summary>
    public async Task<FileDownload?> InspectionAsync(int fileId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Set<SamplePhoto>().Where(p => p.StoredFileId == fileId).Select(p => (int?)p.SamplePreInspectionId).FirstOrDefaultAsync(ct) is { } sample)
        {
            return await ServeAsync(db, fileId, nameof(SamplePreInspection), sample, ct);
        }

        if (await db.LabReferrals.Where(l => l.ReportFileId == fileId).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct) is { } referral)
        {
            return await ServeAsync(db, fileId, nameof(LabReferral), referral, ct);
        }

        if (await db.Set<SpotCheckPhoto>().Where(p => p.StoredFileId == fileId).Select(p => (int?)p.SpotCheckItemId).FirstOrDefaultAsync(ct) is { } item)
        {
            return await ServeAsync(db, fileId, nameof(SpotCheckItem), item, ct);
        }

        var finding = await db.Set<AuditPhoto>().Where(p => p.StoredFileId == fileId).Select(p => (int?)p.AuditFindingId).FirstOrDefaultAsync(ct);
        return finding is { } f ? await ServeAsync(db, fileId, nameof(AuditFinding), f, ct) : null;
    }

    private async Task<FileDownload?> ServeAsync(PortalDbContext db, int fileId, string ownerType, int ownerId, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().Where(f => f.Id == fileId)
            .Select(f => new FileDownload(f.Id, f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(ct);
        if (file is not null)
        {
            await auditLog.WriteAsync(AuditAction.Download, currentUser.Actor, "StoredFile", fileId.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{ownerType} {ownerId}"), ct);
        }

        return file;
    }

    private async Task<bool> IsAsync(string policy) => (await authorization.AuthorizeAsync(currentUser.Principal, policy)).Succeeded;
}
