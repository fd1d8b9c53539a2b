package nl.taxledger.service.queryapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The read models (processing groups) a query reads. Such a query takes a minimum position (header
 * {@value MinPosition#HEADER} or parameter {@value MinPosition#PARAMETER}) and answers only once all of them have
 * processed it ({@link MinPosition}). An empty list: every read model.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadModels {
    String[] value();
}
