namespace EasternSelect.Portal;

/// <summary>
/// Marker for the portal's one resource set: Resources/SharedResource.resx holds the default
/// Traditional Chinese (zh-TW) texts and SharedResource.en.resx the English ones.
/// </summary>
public sealed class SharedResource;
