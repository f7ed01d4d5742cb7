using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Resources;

namespace EasternSelect.Portal.Infrastructure.Localization;

/// <summary>
/// Validation messages in the current UI language, for DataAnnotations' ErrorMessageResourceType
/// (it reads these static properties at validation time, so the language of the circuit applies).
/// </summary>
public static class ValidationText
{
    private static readonly ResourceManager Resources = new("EasternSelect.Portal.Resources.SharedResource", typeof(ValidationText).Assembly);

    public static string Required => Get("Validation.Required");

    public static string Email => Get("Validation.Email");

    public static string MaxLength => Get("Validation.MaxLength");

    public static string Phone => Get("Validation.Phone");

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}

/// <summary>[Required] with the portal's localized message.</summary>
public sealed class RequiredFieldAttribute : RequiredAttribute
{
    public RequiredFieldAttribute()
    {
        ErrorMessageResourceType = typeof(ValidationText);
        ErrorMessageResourceName = nameof(ValidationText.Required);
    }
}

/// <summary>[StringLength] with the portal's localized message ({1} is the maximum).</summary>
public sealed class MaxTextLengthAttribute : StringLengthAttribute
{
    public MaxTextLengthAttribute(int maximumLength)
        : base(maximumLength)
    {
        ErrorMessageResourceType = typeof(ValidationText);
        ErrorMessageResourceName = nameof(ValidationText.MaxLength);
    }
}

/// <summary>An e-mail address check with the portal's localized message.</summary>
public sealed class EmailFieldAttribute : DataTypeAttribute
{
    private static readonly EmailAddressAttribute Inner = new();

    public EmailFieldAttribute()
        : base(DataType.EmailAddress)
    {
        ErrorMessageResourceType = typeof(ValidationText);
        ErrorMessageResourceName = nameof(ValidationText.Email);
    }

    public override bool IsValid(object? value) => value is null or "" || (Inner.IsValid(value) && value is string s && s.Contains('.', StringComparison.Ordinal));
}
