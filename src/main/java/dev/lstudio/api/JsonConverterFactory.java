package dev.lstudio.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * Jackson with the one mapper, plus a check of what came back: an empty body or an HTML page
 * where JSON was expected becomes {@link BadBody}, which {@link LightningApi} reports as a
 * {@link MalformedResponseException} naming the call.
 */
final class JsonConverterFactory extends Converter.Factory {
    private final JacksonConverterFactory jackson = JacksonConverterFactory.create(Json.mapper());

    @Override
    public Converter<?, RequestBody> requestBodyConverter(
            Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
        return jackson.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        ObjectReader reader = Json.mapper().readerFor(Json.mapper().getTypeFactory().constructType(type));
        return body -> {
            String text = body.string();
            if (text.isBlank() || text.strip().startsWith("<")) {
                throw new BadBody(Errors.describe(text), null);
            }
            try {
                return reader.readValue(text);
            } catch (JsonProcessingException e) {
                throw new BadBody(Errors.describe(e), e);
            }
        };
    }

    /** A 2xx body that is not the JSON expected. */
    static final class BadBody extends IOException {
        BadBody(String what, Throwable cause) {
            super(what, cause);
        }
    }
}
