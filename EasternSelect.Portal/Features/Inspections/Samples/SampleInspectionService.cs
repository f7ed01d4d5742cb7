using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.Samples;

public enum SampleTab
{
    AwaitingConfirmation,
    Draft,
    Confirmed,
}

public sealed record SampleRow(int Id, string Sku, string ProductName, string SupplierName, SupplierCategory Category, int ChecklistNumber,
    DateOnly SampleReceivedOn, SampleInspectionStatus Status, SampleVerdict? Verdict, string InspectorName, DateTime? SubmittedUtc, bool SentBack);

public sealed record SampleItemRow(string Code, string Title, DefectClass DefectClass, string Method, CheckResult? Result, string? Note);

public sealed record LabReferralRow(int Id, string LabName, string TestItems, DateOnly SentOn, string? ReportNumber, LabResult? Result, DateOnly? ReportedOn, FileRef? Report);

public sealed record LabOption(int Id, string Name, string RecognitionNumber, string Scope, bool Active);

public sealed record SampleDetail(
    int Id, Guid Version, ProductPick Product, int ChecklistTemplateId, int ChecklistNumber, DateOnly SampleReceivedOn,
    string InspectorId, string InspectorName, SampleInspectionStatus Status, SampleVerdict? Verdict, string? Conditions, string? VerdictNote,
    DateTime? SubmittedUtc, string? ConfirmedByName, DateTime? ConfirmedUtc, string? SendBackReason,
    IReadOnlyList<SampleItemRow> Items, IReadOnlyList<FileRef> Photos, IReadOnlyList<LabReferralRow> LabReferrals);

public sealed record ItemEntry(string Code, CheckResult? Result, string? Note);

public sealed class LabReferralModel
{
    public int? LabId { get; set; }

    public string? TestItems { get; set; }

    public DateTime? SentOn { get; set; }
}

public sealed class LabResultModel
{
    public string? ReportNumber { get; set; }

    public LabResult? Result { get; set; }

    public DateTime? ReportedOn { get; set; }
}

/// <summary>樣品預先檢驗: start, fill the checklist, photos, lab referrals, the verdict and the QA manager's confirmation.</summary>
public sealed class SampleInspectionService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public const long MaxReportBytes = StoredFile.MaxBytes;

    public async Task<PagedResult<SampleRow>> ListAsync(SampleTab tab, int page, int pageSize, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.SamplePreInspections.AsNoTracking();
        query = tab switch
        {
            SampleTab.AwaitingConfirmation => query.Where(s => s.Status == SampleInspectionStatus.AwaitingConfirmation).OrderBy(s => s.SubmittedUtc),
            SampleTab.Draft => query.Where(s => s.Status == SampleInspectionStatus.Draft).OrderByDescending(s => s.SampleReceivedOn).ThenByDescending(s => s.Id),
            _ => query.Where(s => s.Status == SampleInspectionStatus.Confirmed).OrderByDescending(s => s.ConfirmedUtc).ThenByDescending(s => s.Id),
        };
        var total = await query.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await query.Skip(Math.Max(page, 0) * size).Take(size)
            .Select(s => new SampleRow(s.Id, s.Product!.Sku, s.Product.Name, s.Product.Supplier!.Name, s.Product.Category, s.ChecklistTemplate!.Number,
                s.SampleReceivedOn, s.Status, s.Verdict, s.InspectorName, s.SubmittedUtc, s.SendBackReason != null))
            .ToListAsync(ct);
        return new PagedResult<SampleRow>(rows, total);
    }

    public async Task<int> CountAwaitingAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SamplePreInspections.CountAsync(s => s.Status == SampleInspectionStatus.AwaitingConfirmation, ct);
    }

    /// <summary>Starts an inspection against the current checklist version of the product's category.</summary>
    public async Task<Result> StartAsync(int? productId, DateTime? sampleReceivedOn, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var errors = new List<string>();
        if (productId is null)
        {
            errors.Add("Sample.ProductRequired");
        }

        var today = clock.TaipeiToday();
        if (sampleReceivedOn is null)
        {
            errors.Add("Sample.ReceivedRequired");
        }
        else if (DateOnly.FromDateTime(sampleReceivedOn.Value) > today)
        {
            errors.Add("Sample.ReceivedInFuture");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId && p.ListingStatus != ListingStatus.Delisted, ct);
        if (product is null)
        {
            return Result.Fail("Sample.ProductRequired");
        }

        var template = await db.ChecklistTemplates.Include(t => t.Items).Where(t => t.Category == product.Category)
            .OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        if (template is null)
        {
            return Result.Fail("Sample.NoChecklist");
        }

        var (id, name) = currentUser.Person();
        var sample = SamplePreInspection.Start(product, template, DateOnly.FromDateTime(sampleReceivedOn!.Value), id, name);
        db.SamplePreInspections.Add(sample);
        await db.SaveChangesAsync(ct);
        return Result.Ok(sample.Id);
    }

    public async Task<SampleDetail?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var s = await db.SamplePreInspections.AsNoTracking()
            .Include(x => x.Product!).ThenInclude(p => p.Supplier)
            .Include(x => x.ChecklistTemplate!).ThenInclude(t => t.Items)
            .Include(x => x.Items)
            .Include(x => x.Photos).ThenInclude(p => p.File)
            .Include(x => x.LabReferrals).ThenInclude(l => l.Lab)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return null;
        }

        var reportIds = s.LabReferrals.Where(l => l.ReportFileId != null).Select(l => l.ReportFileId!.Value).ToList();
        var reports = await db.Files.AsNoTracking().Where(f => reportIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.FileName, ct);
        var checklist = s.ChecklistTemplate!.Items.ToDictionary(i => i.Id);
        var p = s.Product!;
        return new SampleDetail(
            s.Id, s.Version, new ProductPick(p.Id, p.Sku, p.Name, p.Supplier!.Name, p.Category), s.ChecklistTemplateId, s.ChecklistTemplate.Number, s.SampleReceivedOn,
            s.InspectorId, s.InspectorName, s.Status, s.Verdict, s.Conditions, s.VerdictNote, s.SubmittedUtc, s.ConfirmedByName, s.ConfirmedUtc, s.SendBackReason,
            s.Items.OrderBy(i => i.Order).Select(i => new SampleItemRow(i.Code, checklist[i.ChecklistItemId].Title, i.DefectClass, checklist[i.ChecklistItemId].Method, i.Result, i.Note)).ToList(),
            s.Photos.OrderBy(ph => ph.Id).Select(ph => new FileRef(ph.StoredFileId, ph.File!.FileName)).ToList(),
            s.LabReferrals.OrderBy(l => l.Id).Select(l => new LabReferralRow(l.Id, l.Lab!.Name, l.TestItems, l.SentOn, l.ReportNumber, l.Result, l.ReportedOn,
                l.ReportFileId is { } f && reports.TryGetValue(f, out var fileName) ? new FileRef(f, fileName) : null)).ToList());
    }

    /// <summary>Saves the checklist entries and, in the same save, the photos (JPG/PNG with matching content, at most 5 MB each).</summary>
    public async Task<Result> SaveAsync(int id, Guid version, IReadOnlyList<ItemEntry> entries, IReadOnlyList<Upload> photos, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var fileErrors = InspectionCommon.CheckUploads(photos, FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes);
        if (fileErrors.Count > 0)
        {
            return Result.Fail(fileErrors);
        }

        return await ChangeDraftAsync(id, version, sample =>
        {
            var errors = Apply(sample, entries);
            AddPhotos(sample, photos);
            return errors;
        }, ct);
    }

    /// <summary>Saves the entries and submits the verdict for confirmation in one action; nothing is saved when the verdict is refused.</summary>
    public async Task<Result> SubmitAsync(int id, Guid version, IReadOnlyList<ItemEntry> entries, SampleVerdict? verdict, string? conditions, string? note, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        if (conditions?.Length > SamplePreInspection.TextMaxLength || note?.Length > SamplePreInspection.TextMaxLength)
        {
            return Result.Fail("Sample.TextTooLong");
        }

        return await ChangeDraftAsync(id, version, sample =>
        {
            var errors = Apply(sample, entries);
            errors.AddRange(sample.VerdictErrors(verdict, conditions));
            if (errors.Count == 0)
            {
                sample.Submit(verdict, conditions, note, Now());
            }

            return errors;
        }, ct);
    }

    public async Task<Result> AddLabReferralAsync(int id, Guid version, LabReferralModel model, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var errors = new List<string>();
        if (model.LabId is null)
        {
            errors.Add("Lab.LabRequired");
        }

        if (string.IsNullOrWhiteSpace(model.TestItems))
        {
            errors.Add("Lab.TestItemsRequired");
        }
        else if (model.TestItems.Length > LabReferral.TestItemsMaxLength)
        {
            errors.Add("Lab.TestItemsTooLong");
        }

        if (model.SentOn is null)
        {
            errors.Add("Lab.SentOnRequired");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var check = await contexts.CreateDbContextAsync(ct);
        if (!await check.RecognisedLabs.AnyAsync(l => l.Id == model.LabId && l.Active, ct))
        {
            return Result.Fail("Lab.LabRequired");
        }

        return await ChangeDraftAsync(id, version, sample =>
        {
            sample.ReferToLab(model.LabId!.Value, model.TestItems!, DateOnly.FromDateTime(model.SentOn!.Value));
            return [];
        }, ct);
    }

    /// <summary>The lab's report: number, result, date and the PDF (checked by its content), saved together.</summary>
    public async Task<Result> RecordLabResultAsync(int id, Guid version, int referralId, LabResultModel model, Upload? report, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(model.ReportNumber))
        {
            errors.Add("Lab.ReportNumberRequired");
        }
        else if (model.ReportNumber.Length > 100)
        {
            errors.Add("Lab.ReportNumberTooLong");
        }

        if (model.Result is null)
        {
            errors.Add("Lab.ResultRequired");
        }

        if (model.ReportedOn is null)
        {
            errors.Add("Lab.ReportedOnRequired");
        }

        if (report is null)
        {
            errors.Add("Lab.ReportFileRequired");
        }
        else
        {
            errors.AddRange(InspectionCommon.CheckUploads([report], FileSignature.PdfExtensions, MaxReportBytes));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        return await ChangeDraftAsync(id, version, sample =>
        {
            var referral = sample.LabReferrals.FirstOrDefault(l => l.Id == referralId);
            if (referral is null)
            {
                return ["Lab.ReferralNotFound"];
            }

            sample.RecordLabResult(referral, model.ReportNumber!, model.Result!.Value, DateOnly.FromDateTime(model.ReportedOn!.Value),
                InspectionCommon.ToFile(report!, currentUser.Person().Name, Now()));
            return [];
        }, ct);
    }

    /// <summary>The QA manager confirms the verdict (never their own); a passed verdict lists a pending product in the same save.</summary>
    public async Task<Result> ConfirmAsync(int id, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        var (personId, name) = currentUser.Person();
        return await ChangeAwaitingAsync(id, version, async (db, sample) =>
        {
            sample.Confirm(personId, name, Now());
            if (sample.Passed)
            {
                var product = await db.Products.SingleAsync(p => p.Id == sample.ProductId, ct);
                product.ListAfterPreInspection(sample);
            }
        }, ct);
    }

    /// <summary>The QA manager sends the verdict back to the inspector with a reason.</summary>
    public async Task<Result> SendBackAsync(int id, Guid version, string? reason, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Fail("Sample.SendBackReasonRequired");
        }

        if (reason.Length > SamplePreInspection.TextMaxLength)
        {
            return Result.Fail("Sample.TextTooLong");
        }

        var personId = currentUser.Person().Id;
        return await ChangeAwaitingAsync(id, version, (_, sample) =>
        {
            sample.SendBack(reason, personId);
            return Task.CompletedTask;
        }, ct);
    }

    private static List<string> Apply(SamplePreInspection sample, IReadOnlyList<ItemEntry> entries)
    {
        var errors = new List<string>();
        foreach (var entry in entries)
        {
            if (sample.Items.All(i => i.Code != entry.Code))
            {
                errors.Add("Sample.UnknownItem");
                continue;
            }

            if (entry.Note?.Length > SamplePreInspection.NoteMaxLength)
            {
                errors.Add("Sample.NoteTooLong|" + entry.Code);
                continue;
            }

            sample.SetResult(entry.Code, entry.Result, entry.Note);
        }

        return errors;
    }

    private void AddPhotos(SamplePreInspection sample, IReadOnlyList<Upload> photos)
    {
        var who = currentUser.Person().Name;
        foreach (var photo in photos)
        {
            sample.AddPhoto(InspectionCommon.ToFile(photo, who, Now()));
        }
    }

    // Each try loads the sample afresh, so the change (photos included) is applied to new entities.
    private Task<Result> ChangeDraftAsync(int id, Guid version, Func<SamplePreInspection, List<string>> change, CancellationToken ct) =>
        TransientRetry.RunAsync(() => ChangeDraftOnceAsync(id, version, change, ct), ct);

    private async Task<Result> ChangeDraftOnceAsync(int id, Guid version, Func<SamplePreInspection, List<string>> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sample = await LoadAsync(db, id, ct);
        if (sample is null)
        {
            return Result.Fail("Sample.NotFound");
        }

        if (sample.Version != version)
        {
            return Result.Conflicted();
        }

        if (!sample.Editable)
        {
            return Result.Fail("Sample.NotEditable");
        }

        try
        {
            var errors = change(sample);
            if (errors.Count > 0)
            {
                return Result.Fail(errors.Distinct());
            }
        }
        catch (DomainRuleException e)
        {
            return Result.Refused(e);
        }

        Touch(db, sample, version);
        return await InspectionCommon.SaveAsync(db, ct, sample.Id);
    }

    private async Task<Result> ChangeAwaitingAsync(int id, Guid version, Func<PortalDbContext, SamplePreInspection, Task> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sample = await LoadAsync(db, id, ct);
        if (sample is null)
        {
            return Result.Fail("Sample.NotFound");
        }

        if (sample.Version != version)
        {
            return Result.Conflicted();
        }

        if (sample.Status != SampleInspectionStatus.AwaitingConfirmation)
        {
            return Result.Fail("Sample.NotAwaiting");
        }

        try
        {
            await change(db, sample);
        }
        catch (DomainRuleException e)
        {
            return Result.Refused(e);
        }

        Touch(db, sample, version);
        return await InspectionCommon.SaveAsync(db, ct, sample.Id);
    }

    /// <summary>Every change updates the root so its Version is checked and renewed, even when only children changed.</summary>
    private void Touch(PortalDbContext db, SamplePreInspection sample, Guid version)
    {
        db.Entry(sample).Property(s => s.Version).OriginalValue = version;
        db.Entry(sample).Property(s => s.UpdatedUtc).IsModified = true;
    }

    private static Task<SamplePreInspection?> LoadAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.SamplePreInspections.Include(s => s.Items).Include(s => s.Photos).Include(s => s.LabReferrals)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
