using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Localization;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

/// <summary>What a person types when creating or editing a supplier. Business rules are checked again by <see cref="Supplier.Validate"/>.</summary>
public sealed class SupplierForm
{
    [RequiredField, MaxTextLength(200)]
    public string Name { get; set; } = string.Empty;

    [RequiredField, MaxTextLength(8)]
    public string TaxId { get; set; } = string.Empty;

    public SupplierCategory Category { get; set; } = SupplierCategory.Food;

    [RequiredField, MaxTextLength(2)]
    public string CountryCode { get; set; } = "TW";

    [MaxTextLength(300)]
    public string? Address { get; set; }

    [RequiredField, MaxTextLength(100)]
    public string ContactName { get; set; } = string.Empty;

    [RequiredField, PhoneField]
    public string ContactPhone { get; set; } = string.Empty;

    [RequiredField, EmailField, MaxTextLength(256)]
    public string ContactEmail { get; set; } = string.Empty;

    public int WarrantyMonths { get; set; } = Supplier.MinimumWarrantyMonths;

    /// <summary>The latest imported year's transaction volume (read-only: the operating-data import is the one source).</summary>
    public decimal? ImportedVolume { get; set; }

    public DateTime? ContractSignedOn { get; set; }

    public DateTime? ContractExpiresOn { get; set; }

    /// <summary>The concurrency token read with the form; null for a new supplier.</summary>
    public Guid? Version { get; set; }

    public int? ContractFileId { get; set; }

    public string? ContractFileName { get; set; }
}

/// <summary>An uploaded file already read into memory (the page limits the size while reading).</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>A phone number of 8 to 15 digits, written with digits, spaces, dashes, brackets and a leading +.</summary>
public sealed partial class PhoneFieldAttribute : ValidationAttribute
{
    public static bool Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var digits = value.Count(char.IsAsciiDigit);
        return Allowed().IsMatch(value.Trim()) && digits is >= 8 and <= 15;
    }

    public override bool IsValid(object? value) => Check(value as string);

    public override string FormatErrorMessage(string name) => ValidationText.Get("Supplier.PhoneInvalid");

    [GeneratedRegex(@"^\+?[0-9()\- #]+$")]
    private static partial Regex Allowed();
}
