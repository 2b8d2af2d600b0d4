@echo off
rem Runs pooltags from this checkout: builds target\pooltags.jar with Maven on first use, then runs it.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\pooltags.jar"
if not exist "%JAR%" (
  echo pooltags: building target\pooltags.jar ^(first run only; needs Maven and Java 17^) ... 1>&2
  pushd "%HERE%"
  call mvn -q -B -DskipTests package 1>&2
  set "RC=%ERRORLEVEL%"
  popd
  if not exist "%JAR%" (
    echo pooltags: build failed; run "mvn -DskipTests package" to see why 1>&2
    exit /b 5
  )
)
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
rem lint: a fixed heap keeps it under 512 MiB resident on any tree (as in the pooltags script)
set "OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
if /i "%~1"=="lint" set "OPTS=-Xmx384m -XX:+UseParallelGC"
rem bench: the benchmarks are not in the jar; they are built with the tests, into target\test-classes
if /i "%~1"=="bench" (
  "%JAVA%" %POOLTAGS_JAVA_OPTS% -cp "%JAR%;%HERE%target\test-classes" dev.pooltags.cli.Main %*
  exit /b %ERRORLEVEL%
)
"%JAVA%" %OPTS% %POOLTAGS_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
