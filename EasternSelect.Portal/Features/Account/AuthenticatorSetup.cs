using System.Globalization;
using System.Text;
using QRCoder;

namespace EasternSelect.Portal.Features.Account;

/// <summary>What an authenticator app needs: the shared key, readable, and the otpauth URI as a QR code.</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "EasternSelect";

    /// <summary>Groups of four, lower case, the way people copy keys by hand.</summary>
    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var position = 0; position < key.Length; position += 4)
        {
            if (position > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(position, Math.Min(4, key.Length - position)));
        }

        return result.ToString().ToLowerInvariant();
    }

    public static string Uri(string account, string key) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            System.Uri.EscapeDataString(Issuer),
            System.Uri.EscapeDataString(account),
            key);

    /// <summary>An inline SVG (viewBox sizing, so CSS decides how big it is); no image file or script needed.</summary>
    public static string QrCodeSvg(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
