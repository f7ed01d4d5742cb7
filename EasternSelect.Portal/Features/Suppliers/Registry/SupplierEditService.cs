using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

/// <summary>The outcome of a form save: the saved id, or messages to show (a conflict keeps the person's input).</summary>
public sealed record SaveResult(bool Succeeded, IReadOnlyList<string> Errors, bool Conflict = false, int? Id = null)
{
    public static SaveResult Ok(int id) => new(true, [], Id: id);

    public static SaveResult Fail(IReadOnlyList<string> errors) => new(false, errors);
}

public sealed record SupplierContact(string Name, string Phone, string Email);

/// <summary>Creates and edits suppliers, changes their status, and reveals their contacts (audited).</summary>
public sealed class SupplierEditService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    AuditLog auditLog,
    IStringLocalizer<SharedResource> l,
    TimeProvider time)
{
    /// <summary>A signed contract is a scan or a PDF; other types StoredFile accepts are not contracts.</summary>
    public static readonly IReadOnlySet<string> ContractExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".pdf", ".jpg", ".jpeg", ".png" };

    public async Task<SupplierForm?> GetFormAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var form = await db.Suppliers.AsNoTracking().Where(s => s.Id == id).Select(s => new SupplierForm
        {
            Name = s.Name,
            TaxId = s.TaxId,
            Category = s.Category,
            CountryCode = s.CountryCode,
            Address = s.Address,
            ContactName = s.ContactName,
            ContactPhone = s.ContactPhone,
            ContactEmail = s.ContactEmail,
            WarrantyMonths = s.WarrantyMonths,
            YearlyTransactionVolume = s.YearlyTransactionVolume,
            ContractSignedOn = s.ContractSignedOn.HasValue ? s.ContractSignedOn.Value.ToDateTime(TimeOnly.MinValue) : null,
            ContractExpiresOn = s.ContractExpiresOn.HasValue ? s.ContractExpiresOn.Value.ToDateTime(TimeOnly.MinValue) : null,
            Version = s.Version,
            ContractFileId = s.ContractFileId,
        }).SingleOrDefaultAsync(ct);
        if (form is null)
        {
            return null;
        }

        if (form.ContractFileId is { } fileId)
        {
            form.ContractFileName = await db.Files.Where(f => f.Id == fileId).Select(f => f.FileName).SingleOrDefaultAsync(ct);
        }

        // The edit form shows the contact unmasked: that is a disclosure of personal data.
        await auditLog.WriteAsync(AuditAction.ViewPersonalData, currentUser.Actor, nameof(Supplier), Key(id), "edit form", ct);
        return form;
    }

    public async Task<SaveResult> CreateAsync(SupplierForm form, UploadedFile? contract, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        ArgumentNullException.ThrowIfNull(form);
        var supplier = new Supplier();
        Apply(form, supplier);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var errors = await CheckAsync(db, supplier, contract, ct);
        if (errors.Count > 0)
        {
            return SaveResult.Fail(errors);
        }

        db.Suppliers.Add(supplier);
        AttachContract(db, supplier, contract);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Someone saved the same tax ID between the check and the save: the unique index caught it.
            if (await TaxIdTakenAsync(db, supplier, ct))
            {
                return SaveResult.Fail([TaxIdTakenMessage(supplier.TaxId)]);
            }

            throw;
        }

        return SaveResult.Ok(supplier.Id);
    }

    public async Task<SaveResult> UpdateAsync(int id, SupplierForm form, UploadedFile? contract, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplier = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
        {
            return SaveResult.Fail([l["Supplier.NotFound"]]);
        }

        db.Entry(supplier).Property(s => s.Version).OriginalValue = form.Version ?? Guid.Empty;
        Apply(form, supplier);
        var errors = await CheckAsync(db, supplier, contract, ct);
        if (errors.Count > 0)
        {
            return SaveResult.Fail(errors);
        }

        AttachContract(db, supplier, contract);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(false, [l["Common.ConcurrencyConflict"]], Conflict: true);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Someone saved the same tax ID between the check and the save: the unique index caught it.
            if (await TaxIdTakenAsync(db, supplier, ct))
            {
                return SaveResult.Fail([TaxIdTakenMessage(supplier.TaxId)]);
            }

            throw;
        }

        return SaveResult.Ok(supplier.Id);
    }

    /// <summary>Moves a supplier to one of <see cref="SupplierStatusRules.NextStatuses"/> (never to Qualified: that is the verdict's job).</summary>
    public async Task<SaveResult> ChangeStatusAsync(int id, SupplierStatus to, string? reason, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplier = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
        {
            return SaveResult.Fail([l["Supplier.NotFound"]]);
        }

        if (!OfferedStatuses(supplier.Status).Contains(to))
        {
            return SaveResult.Fail([l["Supplier.StatusChangeNotAllowed"]]);
        }

        if (SupplierStatusRules.NeedsReason(to) && string.IsNullOrWhiteSpace(reason))
        {
            return SaveResult.Fail([l["Supplier.StatusReasonRequired"]]);
        }

        db.Entry(supplier).Property(s => s.Version).OriginalValue = version;
        var change = supplier.ChangeStatus(to, reason, currentUser.Actor.UserName, time.GetUtcNow().UtcDateTime);
        db.SupplierStatusChanges.Add(change);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(false, [l["Common.ConcurrencyConflict"]], Conflict: true);
        }

        return SaveResult.Ok(supplier.Id);
    }

    /// <summary>The statuses a person may choose by hand: the rules' next statuses, without Qualified (reached only by a verdict).</summary>
    public static IReadOnlyList<SupplierStatus> OfferedStatuses(SupplierStatus from) =>
        SupplierStatusRules.NextStatuses(from).Where(s => s != SupplierStatus.Qualified).ToList();

    /// <summary>Shows the unmasked contact to a supplier manager, and records that it was seen.</summary>
    public async Task<SupplierContact?> RevealContactAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contact = await db.Suppliers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SupplierContact(s.ContactName, s.ContactPhone, s.ContactEmail)).SingleOrDefaultAsync(ct);
        if (contact is not null)
        {
            await auditLog.WriteAsync(AuditAction.ViewPersonalData, currentUser.Actor, nameof(Supplier), Key(id), "contact", ct);
        }

        return contact;
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Apply(SupplierForm form, Supplier supplier)
    {
        supplier.Name = form.Name.Trim();
        supplier.TaxId = form.TaxId.Trim();
        supplier.Category = form.Category;
        supplier.CountryCode = form.CountryCode.Trim().ToUpperInvariant();
        supplier.Address = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim();
        supplier.ContactName = form.ContactName.Trim();
        supplier.ContactPhone = form.ContactPhone.Trim();
        supplier.ContactEmail = form.ContactEmail.Trim();
        supplier.WarrantyMonths = form.WarrantyMonths;
        supplier.YearlyTransactionVolume = form.YearlyTransactionVolume;
        supplier.ContractSignedOn = form.ContractSignedOn is { } signed ? DateOnly.FromDateTime(signed) : null;
        supplier.ContractExpiresOn = form.ContractExpiresOn is { } expires ? DateOnly.FromDateTime(expires) : null;
    }

    private async Task<List<string>> CheckAsync(PortalDbContext db, Supplier supplier, UploadedFile? contract, CancellationToken ct)
    {
        var errors = supplier.Validate().Select(key => (string)l[key]).ToList();
        if (!PhoneFieldAttribute.Check(supplier.ContactPhone))
        {
            errors.Add(l["Supplier.PhoneInvalid"]);
        }

        if (!new EmailFieldAttribute().IsValid(supplier.ContactEmail))
        {
            errors.Add(l["Validation.Email"]);
        }

        if (contract is not null && StoredFileBuilder.Build(contract.FileName, contract.Content, FileRule.Document, string.Empty, default).Error is { } fileError)
        {
            errors.Add(l.Message(fileError));
        }

        if (Domain.Suppliers.TaxId.IsValid(supplier.TaxId) && await TaxIdTakenAsync(db, supplier, ct))
        {
            errors.Add(TaxIdTakenMessage(supplier.TaxId));
        }

        return errors;
    }

    private static Task<bool> TaxIdTakenAsync(PortalDbContext db, Supplier supplier, CancellationToken ct) =>
        db.Suppliers.AsNoTracking().AnyAsync(s => s.TaxId == supplier.TaxId && s.Id != supplier.Id, ct);

    private string TaxIdTakenMessage(string taxId) => l["Supplier.TaxIdTaken", taxId];

    private void AttachContract(PortalDbContext db, Supplier supplier, UploadedFile? contract)
    {
        if (contract is null)
        {
            return;
        }

        var file = StoredFileBuilder.Build(contract.FileName, contract.Content, FileRule.Document, currentUser.Actor.UserName, time.GetUtcNow().UtcDateTime).File
            ?? throw new InvalidOperationException("The contract is attached only after CheckAsync accepted it.");
        // The file and the supplier are saved by the same SaveChanges: the supplier points at the file's
        // temporary key, which EF replaces with the generated one when it inserts the file first.
        var fileEntry = db.Files.Add(file);
        supplier.ContractFileId = fileEntry.Property(f => f.Id).CurrentValue;
    }
}
