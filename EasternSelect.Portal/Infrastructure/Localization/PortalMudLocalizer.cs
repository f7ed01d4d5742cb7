using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EasternSelect.Portal.Infrastructure.Localization;

/// <summary>MudBlazor's own texts (pager, data grid, dialogs) from our resource file, English as MudBlazor ships otherwise.</summary>
public sealed class PortalMudLocalizer(IStringLocalizer<SharedResource> l) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            // The neutral resources are zh-TW; other languages keep MudBlazor's built-in English.
            if (!System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return new LocalizedString(key, key, resourceNotFound: true);
            }

            var text = l[key];
            return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : text;
        }
    }
}
