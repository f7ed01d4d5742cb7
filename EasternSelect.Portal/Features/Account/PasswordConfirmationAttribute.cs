using System.ComponentModel.DataAnnotations;
using EasternSelect.Portal.Infrastructure.Localization;

namespace EasternSelect.Portal.Features.Account;

/// <summary>[Compare] for a "confirm password" field, with the portal's localized message.</summary>
public sealed class PasswordConfirmationAttribute(string passwordProperty) : CompareAttribute(passwordProperty)
{
    public override string FormatErrorMessage(string name) => ValidationText.Get("Validation.PasswordConfirmation");
}
