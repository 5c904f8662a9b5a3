package io.cutline.provider;

import io.cutline.config.ProviderSettings;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the adapters of an area from their settings blocks. Each block's {@code adapter} property
 * names the adapter class, which has one constructor taking {@code (ProviderSettings, AdapterKit)}:
 * so a new provider is one class and one properties block.
 */
public final class ProviderCatalog {

    private ProviderCatalog() {
    }

    public static <T> Map<String, T> build(Map<String, ProviderSettings> blocks, AdapterKit kit, Class<T> kind) {
        Map<String, T> adapters = new LinkedHashMap<>();
        blocks.forEach((name, settings) -> adapters.put(name, build(settings, kit, kind)));
        return adapters;
    }

    public static <T> T build(ProviderSettings settings, AdapterKit kit, Class<T> kind) {
        return build(settings, kit, kind, "adapter");
    }

    /** The same with the class named by another key of the block (e.g. a platform's {@code metrics-adapter}). */
    public static <T> T build(ProviderSettings settings, AdapterKit kit, Class<T> kind, String key) {
        String property = settings.property(key);
        String className = settings.text(key);
        try {
            Class<?> type = Class.forName(className);
            if (!kind.isAssignableFrom(type)) {
                throw new IllegalStateException("property " + property + ": " + className + " is not a " + kind.getSimpleName());
            }
            return kind.cast(type.getConstructor(ProviderSettings.class, AdapterKit.class).newInstance(settings, kit));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("property " + property + ": no class " + className, e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("property " + property + ": " + className
                    + " has no public constructor (ProviderSettings, AdapterKit)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("provider " + settings.name() + " (" + className + "): " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("property " + property + ": cannot create " + className + ": " + e.getMessage(), e);
        }
    }
}
