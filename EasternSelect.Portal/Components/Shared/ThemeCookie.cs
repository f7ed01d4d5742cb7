namespace EasternSelect.Portal.Components.Shared;

/// <summary>The light/dark choice is kept in a cookie so the first render already has the right theme.</summary>
public static class ThemeCookie
{
    public const string Name = "es.theme";
    public const string Dark = "dark";
    public const string Light = "light";
}
