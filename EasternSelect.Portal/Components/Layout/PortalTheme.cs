using MudBlazor;

namespace EasternSelect.Portal.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            Secondary = "#37474f",
            AppbarBackground = "#b71c1c",
            Background = "#f7f7f8",

            // WCAG 2.1 AA: MudBlazor's default status colours carry white or coloured text below 4.5:1; these darker shades reach it.
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a84300",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ef5350",
            Secondary = "#90a4ae",
            AppbarBackground = "#1e1e2d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans TC", "Microsoft JhengHei", "PingFang TC", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
