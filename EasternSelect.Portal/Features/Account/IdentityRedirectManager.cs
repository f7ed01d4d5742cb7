using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace EasternSelect.Portal.Features.Account;

/// <summary>Redirects from statically rendered account pages, refusing open redirects (from the Blazor template).</summary>
public sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(Local(uri));
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var withoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        RedirectTo(navigationManager.GetUriWithQueryParameters(withoutQuery, queryParameters));
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    /// <summary>A base-relative path ("Account/Login"), a local path or an address on this site; anything else goes home.</summary>
    private string Local(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "/";
        }

        if (uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = "/" + navigationManager.ToBaseRelativePath(uri);
        }
        else if (!uri.StartsWith('/') && !uri.StartsWith('~') && !uri.StartsWith('\\') && !Uri.TryCreate(uri, UriKind.Absolute, out _))
        {
            uri = "/" + uri;
        }

        uri = LocalUrl.OrHome(uri);
        return uri.StartsWith('~') ? uri[1..] : uri;
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context) => RedirectToWithStatus(CurrentPath, message, context);

    /// <summary>The signed-in account no longer exists (deleted meanwhile): end the session and start over.</summary>
    public async Task RedirectToInvalidUserAsync(HttpContext context, string message)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        RedirectToWithStatus("Account/Login", "!" + message, context);
    }
}
