using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace EasternSelect.Portal.Infrastructure.Localization;

public static class Cultures
{
    public const string Default = "zh-TW";
    public const string English = "en";

    public static readonly string[] Supported = [Default, English];

    public static string Normalize(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Default;

    public static void AppendCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps });

    /// <summary>GET /culture/set?culture=en&amp;returnUrl=/ — sets the cookie and, for a signed-in person, remembers the choice.</summary>
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", async (string? culture, string? returnUrl, HttpContext context, UserManager<PortalUser> users) =>
        {
            var chosen = Normalize(culture);
            AppendCookie(context.Response, chosen);
            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user && user.PreferredCulture != chosen)
            {
                user.PreferredCulture = chosen;
                await users.UpdateAsync(user);
            }

            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();

    public static CultureInfo Info(string name) => CultureInfo.GetCultureInfo(name);
}
