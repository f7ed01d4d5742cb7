using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

/// <summary>Registers and edits suppliers through the form (the unmasked contact on the form is audited).</summary>
public sealed class SupplierEditService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    AuditLog auditLog,
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
            ImportedVolume = db.SupplierYearlyVolumes.Where(v => v.SupplierId == s.Id).OrderByDescending(v => v.Year).Select(v => (decimal?)v.TransactionVolume).FirstOrDefault(),
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

    public async Task<Result> CreateAsync(SupplierForm form, UploadedFile? contract, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        ArgumentNullException.ThrowIfNull(form);
        var supplier = new Supplier();
        Apply(form, supplier);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var errors = await CheckAsync(db, supplier, contract, ct);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
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
                return Result.Fail(TaxIdTaken(supplier.TaxId));
            }

            throw;
        }

        return Result.Ok(supplier.Id);
    }

    public async Task<Result> UpdateAsync(int id, SupplierForm form, UploadedFile? contract, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplier = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
        {
            return Result.Fail("Supplier.NotFound");
        }

        db.Entry(supplier).Property(s => s.Version).OriginalValue = form.Version ?? Guid.Empty;
        Apply(form, supplier);
        var errors = await CheckAsync(db, supplier, contract, ct);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        AttachContract(db, supplier, contract);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Someone saved the same tax ID between the check and the save: the unique index caught it.
            if (await TaxIdTakenAsync(db, supplier, ct))
            {
                return Result.Fail(TaxIdTaken(supplier.TaxId));
            }

            throw;
        }

        return Result.Ok(supplier.Id);
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
        supplier.ContractSignedOn = form.ContractSignedOn is { } signed ? DateOnly.FromDateTime(signed) : null;
        supplier.ContractExpiresOn = form.ContractExpiresOn is { } expires ? DateOnly.FromDateTime(expires) : null;
    }

    private async Task<List<string>> CheckAsync(PortalDbContext db, Supplier supplier, UploadedFile? contract, CancellationToken ct)
    {
        var errors = supplier.Validate().ToList();
        if (!PhoneFieldAttribute.Check(supplier.ContactPhone))
        {
            errors.Add("Supplier.PhoneInvalid");
        }

        if (!new EmailFieldAttribute().IsValid(supplier.ContactEmail))
        {
            errors.Add("Validation.Email");
        }

        if (contract is not null && StoredFileBuilder.Build(contract.FileName, contract.Content, FileRule.Document, string.Empty, default).Error is { } fileError)
        {
            errors.Add(fileError);
        }

        if (Domain.Suppliers.TaxId.IsValid(supplier.TaxId) && await TaxIdTakenAsync(db, supplier, ct))
        {
            errors.Add(TaxIdTaken(supplier.TaxId));
        }

        return errors;
    }

    private static Task<bool> TaxIdTakenAsync(PortalDbContext db, Supplier supplier, CancellationToken ct) =>
        db.Suppliers.AsNoTracking().AnyAsync(s => s.TaxId == supplier.TaxId && s.Id != supplier.Id, ct);

    private static string TaxIdTaken(string taxId) => "Supplier.TaxIdTaken|" + taxId;

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
